package ciment.core.privacy;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Language;
import ciment.core.json.JsonText;
import ciment.core.model.ChatAccount;
import ciment.core.model.Invitation;
import ciment.core.model.JoinRequest;
import ciment.core.model.Membership;
import ciment.core.model.Post;
import ciment.core.model.Profile;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;

/** The export file: a person's data as JSON, readable by people and programs alike. */
public final class PersonalDataJson {
    private final StringBuilder out = new StringBuilder();
    private int depth;

    private PersonalDataJson() {
    }

    public static String render(PersonalData data, Instant exportedAt) {
        PersonalDataJson json = new PersonalDataJson();
        json.object(() -> {
            json.field("exportedAt", exportedAt.toString());
            Profile profile = data.profile();
            // In the language the person chose, else English: the file is read away from their chat tool.
            json.field("note", Catalogue.first(profile.person().language()).say("core.export.note"));
            json.key("profile");
            json.object(() -> {
                json.field("id", profile.person().id());
                json.field("displayName", profile.person().displayName());
                json.field("guest", profile.person().guest());
                json.field("language", profile.person().language().map(Language::code).orElse("auto"));
                json.field("notices", profile.person().notices().word());
                json.field("email", profile.email().orElse(null));
                json.field("emailVouchedBy", profile.vouchedBy().orElse(null));
                json.strings("mergedIds", data.mergedIds());
                json.strings("roles", profile.roles());
                json.strings("skills", profile.skills());
                json.strings("grants", data.grants());
            });
            json.list("accounts", data.accounts(), PersonalDataJson::account);
            json.list("memberships", data.memberships(), PersonalDataJson::membership);
            json.list("joinRequests", data.requests(), PersonalDataJson::request);
            json.list("invitations", data.invitations(), PersonalDataJson::invitation);
            json.list("posts", data.posts(), PersonalDataJson::post);
            json.list("reactions", data.reactions(), PersonalDataJson::reaction);
            json.list("follows", data.follows(), PersonalDataJson::followed);
            json.key("settings");
            json.object(() -> data.settings().forEach((name, value) -> json.field(name, value)));
            json.list("acknowledgements", data.acknowledgements(), PersonalDataJson::acknowledgement);
        });
        return json.out.append('\n').toString();
    }

    private static void account(PersonalDataJson json, ChatAccount account) {
        json.field("platform", account.platform().key());
        json.field("workspace", account.workspace());
        json.field("user", account.userId());
    }

    private static void membership(PersonalDataJson json, Membership membership) {
        json.field("community", membership.slug().value());
        json.field("role", membership.role().name().toLowerCase(java.util.Locale.ROOT));
        json.field("since", membership.since().toString());
    }

    private static void request(PersonalDataJson json, JoinRequest request) {
        json.field("community", request.slug().value());
        json.field("at", request.at().toString());
    }

    private static void invitation(PersonalDataJson json, Invitation invitation) {
        json.field("community", invitation.slug().value());
        json.field("at", invitation.at().toString());
    }

    private static void post(PersonalDataJson json, Post post) {
        json.field("id", post.id());
        json.field("community", post.slug().value());
        json.field("at", post.createdAt().toString());
        json.field("from", post.origin().key());
        json.field("text", post.text());
    }

    private static void reaction(PersonalDataJson json, PersonalData.Reaction reaction) {
        json.field("post", reaction.postId());
        json.field("emoji", reaction.emoji());
    }

    private static void followed(PersonalDataJson json, PersonalData.Followed followed) {
        json.field("post", followed.post());
        json.field("state", followed.state());
    }

    private static void acknowledgement(PersonalDataJson json, PersonalData.Acknowledgement ack) {
        json.field("community", ack.community());
        json.field("announcementOf", ack.day());
        json.field("at", ack.at());
    }

    // ---- a small JSON writer: objects, lists, strings, booleans, null ----

    private boolean first = true;

    private void object(Runnable fields) {
        out.append('{');
        depth++;
        first = true;
        fields.run();
        depth--;
        newline();
        out.append('}');
        first = false;
    }

    private <T> void list(String name, List<T> items, BiConsumer<PersonalDataJson, T> fields) {
        key(name);
        out.append('[');
        depth++;
        first = true;
        for (T item : items) {
            separator();
            object(() -> fields.accept(this, item));
        }
        depth--;
        if (!items.isEmpty()) {
            newline();
        }
        out.append(']');
        first = false;
    }

    private void strings(String name, List<String> values) {
        key(name);
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ", ");
            string(values.get(i));
        }
        out.append(']');
    }

    private void field(String name, String value) {
        key(name);
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
    }

    private void field(String name, boolean value) {
        key(name);
        out.append(value);
    }

    private void key(String name) {
        separator();
        string(name);
        out.append(": ");
    }

    private void separator() {
        if (!first) {
            out.append(',');
        }
        first = false;
        newline();
    }

    private void newline() {
        out.append('\n').append("  ".repeat(depth));
    }

    private void string(String value) {
        out.append(JsonText.quoted(value));
    }
}
