package ciment.slack.render;

import ciment.core.command.Command;
import ciment.core.command.ConversationVerbs;
import ciment.core.i18n.Catalogue;
import ciment.core.model.Community;
import ciment.core.model.JoinRequest;
import ciment.core.model.Slug;
import ciment.core.reply.Reply;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The buttons that do what a command does: Join (or Ask to join), Leave, Approve and Decline a join
 * request, and Create a community. A button's value names the community (and the person asking, by id,
 * for a request); the click runs the same core command as the words.
 */
public final class CommunityButtons {
    public static final String JOIN = "ciment_join";
    public static final String LEAVE = "ciment_leave";
    public static final String APPROVE = "ciment_approve";
    public static final String DECLINE = "ciment_decline";
    public static final String CREATE = "ciment_create";
    /** A steward's Insights, beside their community on the Home: the same answer as insights &lt;slug&gt;. */
    public static final String INSIGHTS = "ciment_insights";
    /** A feed's next page: the button's value is a {@link Page} (before: the words that asked for it). */
    public static final String MORE = "ciment_more";
    /** The clicks {@code CommunityButtonClicks} answers (Create opens a modal instead). */
    public static final Pattern COMMANDS = Pattern.compile("^ciment_(join|leave|approve|decline|more|insights)$");

    private CommunityButtons() {
    }

    /** Join, or Ask to join a closed community (none for an archived one, which nobody joins). */
    static Optional<ButtonElement> join(Community community, boolean invited, Catalogue words) {
        if (community.archived()) {
            return Optional.empty();
        }
        boolean asks = !community.open() && !invited;
        return Optional.of(button(words.say(asks ? "slack.button.askToJoin" : "slack.button.join"), JOIN,
                community.slug().value())
                .style(asks ? null : "primary")
                .accessibilityLabel(words.say(asks ? "slack.button.askToJoin.label" : "slack.button.join.label",
                        community.slug()))
                .build());
    }

    /** More, under a feed's page: shows the next (older) page. */
    static ActionsBlock more(Page page, Catalogue words) {
        return ActionsBlock.builder().elements(List.of(button(words.say("slack.button.more"), MORE, page.value())
                .accessibilityLabel(words.say("slack.button.more.label")).build())).build();
    }

    /** A feed's page after the first: the community ("" for all mine) and the sealed cursor where it starts. */
    public record Page(String slug, String cursor) {
        private static final Gson GSON = new Gson();

        String value() {
            return GSON.toJson(this);
        }

        /** The feed command a More button asks for: its value now (JSON), or before ("feed [slug] more:…"). */
        public static Optional<Command> read(String value) {
            String text = value == null ? "" : value.strip();
            try {
                Page page = text.startsWith("{") ? GSON.fromJson(text, Page.class) : ofWords(text);
                return page == null || page.cursor() == null || page.cursor().isEmpty() ? Optional.empty()
                        : Optional.of(new ConversationVerbs.Feed(page.slug() == null || page.slug().isEmpty()
                                ? Optional.empty() : Optional.of(Slug.parse(page.slug())), Optional.of(page.cursor())));
            } catch (JsonParseException notOurs) {
                return Optional.empty();
            }
        }

        private static Page ofWords(String words) {
            String[] parts = words.split("\\s+");
            String more = parts[parts.length - 1];
            if (!parts[0].equals("feed") || parts.length > 3 || !more.startsWith(Reply.Feed.MORE)) {
                return null;
            }
            return new Page(parts.length == 3 ? parts[1] : "", more.substring(Reply.Feed.MORE.length()));
        }
    }

    static ButtonElement leave(Community community, Catalogue words) {
        String slug = community.slug().value();
        return button(words.say("slack.button.leave"), LEAVE, slug)
                .accessibilityLabel(words.say("slack.button.leave.label", slug))
                .confirm(confirm(words.say("slack.leave.confirm.title", slug),
                        words.say(community.open() ? "slack.leave.confirm.open" : "slack.leave.confirm.closed"),
                        words.say("slack.button.leave"), words))
                .build();
    }

    static ButtonElement approve(JoinRequest request, Catalogue words) {
        return button(words.say("slack.button.approve"), APPROVE, request.slug().value() + " " + request.personId())
                .style("primary")
                .accessibilityLabel(Mrkdwn.fit(words.say("slack.button.approve.label", request.personName()), 70))
                .build();
    }

    static ButtonElement decline(JoinRequest request, Catalogue words) {
        return button(words.say("slack.button.decline"), DECLINE, request.slug().value() + " " + request.personId())
                .style("danger")
                .accessibilityLabel(Mrkdwn.fit(words.say("slack.button.decline.label", request.personName()), 70))
                .confirm(confirm(words.say("slack.decline.confirm.title"), words.say("slack.decline.confirm",
                        Mrkdwn.fit(request.personName(), 100), request.slug()), words.say("slack.button.decline"), words))
                .build();
    }

    /** Insights, for a community's steward: the click names the community; who clicked is checked again. */
    /** What a steward may do with a community from the Home, in one row: Insights, and Announce unless archived. */
    static ActionsBlock stewardRow(Community community, Catalogue words) {
        String slug = community.slug().value();
        List<BlockElement> buttons = new ArrayList<>();
        buttons.add(button(words.say("insights.button"), INSIGHTS, slug)
                .accessibilityLabel(Mrkdwn.fit(words.say("insights.button.label", slug), 70)).build());
        if (!community.archived()) {
            buttons.add(button(words.say("announce.button"), AnnouncementBlocks.ANNOUNCE, slug).build());
        }
        return ActionsBlock.builder().elements(buttons).build();
    }

    static ButtonElement create(Catalogue words) {
        return button(words.say("slack.button.create"), CREATE, "home").style("primary").build();
    }

    /** A clicked button's value: the community's slug, then the person's id for a request. */
    public record Value(String slug, String personId) {
        public static Value parse(String value) {
            String[] parts = value == null ? new String[0] : value.strip().split(" ", 2);
            return new Value(parts.length > 0 ? parts[0] : "", parts.length > 1 ? parts[1] : "");
        }
    }

    private static ButtonElement.ButtonElementBuilder button(String text, String actionId, String value) {
        return ButtonElement.builder().text(plain(text)).actionId(actionId).value(value);
    }

    private static ConfirmationDialogObject confirm(String title, String text, String yes, Catalogue words) {
        return ConfirmationDialogObject.builder().title(plain(Mrkdwn.fit(title, 100))).text(plain(Mrkdwn.fit(text, 300)))
                .confirm(plain(yes)).deny(plain(words.say("slack.cancel"))).build();
    }

    static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).emoji(true).build();
    }
}
