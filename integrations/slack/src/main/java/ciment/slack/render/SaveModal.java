package ciment.slack.render;

import static ciment.slack.render.CommunityButtons.plain;

import ciment.core.i18n.Catalogue;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The "Save to community" modal: which of my communities gets the message. Its private_metadata carries
 * the message (channel, ts, whether it has replies, its author and text, cut to Slack's 3,000 characters
 * with {@code cut} set), so the submission reads Slack again only for a thread's replies or a long text.
 */
public final class SaveModal {
    public static final String CALLBACK_ID = "save_to_community";
    public static final String COMMUNITY = "community";
    /** Slack's limit on private_metadata. */
    public static final int MAX_METADATA = 3000;
    /** Slack's most options in a static_select. */
    static final int MAX_OPTIONS = 100;
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private SaveModal() {
    }

    /** The message being saved, as the modal carries it. */
    public record Saved(String channel, String ts, boolean thread, String user, String name, String text, boolean cut) {
        public String metadata() {
            String json = GSON.toJson(this);
            if (json.length() <= MAX_METADATA || text.isEmpty()) {
                return json;
            }
            int over = json.length() - MAX_METADATA;
            String shorter = text.substring(0, Math.max(0, text.length() - over - 16));
            if (!shorter.isEmpty() && Character.isHighSurrogate(shorter.charAt(shorter.length() - 1))) {
                shorter = shorter.substring(0, shorter.length() - 1);
            }
            return new Saved(channel, ts, thread, user, name, shorter, true).metadata();
        }

        public static Optional<Saved> parse(String metadata) {
            try {
                Saved saved = GSON.fromJson(metadata, Saved.class);
                return saved == null || saved.channel() == null || saved.ts() == null ? Optional.empty() : Optional.of(saved);
            } catch (JsonParseException garbled) {
                return Optional.empty();
            }
        }
    }

    /** Shown at once, while my communities are looked up. */
    public static View loading(Saved saved, Catalogue words) {
        return view(saved, List.of(BlockKitReply.section("", words.say("slack.save.loading"))), false, words);
    }

    public static View form(Saved saved, List<String> slugs, Catalogue words) {
        if (slugs.isEmpty()) {
            return view(saved, List.of(BlockKitReply.section("", Mrkdwn.escape(words.say("slack.save.noCommunity",
                    BlockKitReply.COMMAND)))), false, words);
        }
        List<OptionObject> options = slugs.stream().limit(MAX_OPTIONS)
                .map(slug -> OptionObject.builder().text(plain(slug)).value(slug).build()).toList();
        StaticSelectElement select = StaticSelectElement.builder().actionId(COMMUNITY).options(options)
                .placeholder(plain(words.say("slack.save.choose"))).build();
        if (options.size() == 1) {
            select.setInitialOption(options.getFirst());
        }
        String what = words.say(saved.thread() ? "slack.save.becomesThread" : "slack.save.becomes");
        return view(saved, List.of(
                InputBlock.builder().blockId(COMMUNITY).label(plain(words.say("slack.save.to"))).element(select).build(),
                BlockKitReply.section("", Mrkdwn.escape(what))), true, words);
    }

    public static View done(String sentence, Catalogue words) {
        return View.builder().type("modal").title(ReplyModal.title(words.say("slack.save.title")))
                .close(ViewClose.builder().type("plain_text").text(words.say("slack.close")).build())
                .blocks(List.of(BlockKitReply.section(":white_check_mark: ", Mrkdwn.escape(sentence)))).build();
    }

    public static String community(ViewState state) {
        Map<String, Map<String, ViewState.Value>> values = state == null || state.getValues() == null ? Map.of()
                : state.getValues();
        ViewState.Value value = values.getOrDefault(COMMUNITY, Map.of()).get(COMMUNITY);
        return value == null || value.getSelectedOption() == null ? "" : value.getSelectedOption().getValue();
    }

    private static View view(Saved saved, List<LayoutBlock> blocks, boolean submit, Catalogue words) {
        return View.builder().type("modal").callbackId(CALLBACK_ID).privateMetadata(saved.metadata())
                .title(ReplyModal.title(words.say("slack.save.title")))
                .submit(submit ? ViewSubmit.builder().type("plain_text").text(words.say("slack.save.submit")).build() : null)
                .close(ViewClose.builder().type("plain_text").text(words.say(submit ? "slack.cancel" : "slack.close")).build())
                .blocks(blocks).build();
    }
}
