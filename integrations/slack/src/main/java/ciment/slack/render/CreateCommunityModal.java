package ciment.slack.render;

import static ciment.slack.render.CommunityButtons.plain;

import ciment.core.i18n.Catalogue;
import ciment.core.model.Text;
import ciment.core.model.Topic;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.CheckboxesElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.RadioButtonsElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Create-community modal: a short name, a purpose, tags, open or closed. Opened bare at once (a
 * trigger id lasts 3 seconds), then filled with the person's roles and skills as tags to tick. Each
 * input keeps its block and action ids in both, so Slack keeps what was typed meanwhile.
 */
public final class CreateCommunityModal {
    public static final String CALLBACK_ID = "create_community";
    public static final String SLUG = "slug";
    public static final String PURPOSE = "purpose";
    public static final String TAGS = "tags";
    static final String SUGGESTED_TAGS = "suggested_tags";
    static final String OPENNESS = "openness";
    static final String OPEN = "open";
    static final String CLOSED = "closed";
    /** Slack's most options for checkboxes. */
    static final int MAX_SUGGESTED = 10;

    private CreateCommunityModal() {
    }

    /** What the person filled in. */
    public record Submitted(String slug, String purpose, List<String> tags, boolean closed) {
    }

    /** @param topics the person's roles and skills, offered as tags (none: the form is bare) */
    public static View form(List<String> topics, Catalogue words) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(input(SLUG, words.say("slack.create.slug"), PlainTextInputElement.builder().actionId(SLUG).maxLength(40)
                .placeholder(plain(words.say("slack.create.slug.example"))).build(),
                words.say("slack.create.slug.hint", BlockKitReply.COMMAND), false));
        blocks.add(input(PURPOSE, words.say("slack.create.purpose"), PlainTextInputElement.builder().actionId(PURPOSE)
                .multiline(true).maxLength(Text.PURPOSE_MAX).placeholder(plain(words.say("slack.create.purpose.example")))
                .build(), null, false));
        List<String> offered = offered(topics);
        if (!offered.isEmpty()) {
            blocks.add(input(SUGGESTED_TAGS, words.say("slack.create.suggestedTags"), CheckboxesElement.builder()
                    .actionId(SUGGESTED_TAGS).options(offered.stream().map(CreateCommunityModal::option).toList())
                    .build(), null, true));
        }
        blocks.add(input(TAGS, words.say(offered.isEmpty() ? "slack.create.tags" : "slack.create.otherTags"),
                PlainTextInputElement.builder().actionId(TAGS).placeholder(plain(words.say("slack.create.tags.example")))
                        .build(), words.say("slack.create.tags.hint"), true));
        OptionObject open = option(OPEN, words.say("slack.create.open"));
        blocks.add(input(OPENNESS, words.say("slack.create.openness"), RadioButtonsElement.builder().actionId(OPENNESS)
                .options(List.of(open, option(CLOSED, words.say("slack.create.closed"))))
                .initialOption(open).build(), null, false));
        return View.builder().type("modal").callbackId(CALLBACK_ID)
                .title(ViewTitle.builder().type("plain_text").text(words.say("slack.create.title")).build())
                .submit(ViewSubmit.builder().type("plain_text").text(words.say("slack.create.submit")).build())
                .close(ViewClose.builder().type("plain_text").text(words.say("slack.cancel")).build())
                .blocks(blocks).build();
    }

    /** The topics that can be offered as tags: distinct, short enough for a tag and for a checkbox. */
    public static List<String> offered(List<String> topics) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String topic : topics) {
            try {
                Topic tag = Topic.of(topic);
                byKey.putIfAbsent(tag.key(), tag.text());
            } catch (RuntimeException notATag) {
                // declared before tags had their limits: not offered
            }
        }
        return byKey.values().stream().limit(MAX_SUGGESTED).toList();
    }

    public static Submitted read(ViewState state) {
        Map<String, Map<String, ViewState.Value>> values = state == null || state.getValues() == null ? Map.of()
                : state.getValues();
        List<String> tags = new ArrayList<>();
        value(values, SUGGESTED_TAGS).map(ViewState.Value::getSelectedOptions).ifPresent(options ->
                options.forEach(option -> tags.add(option.getValue())));
        text(values, TAGS).ifPresent(typed -> {
            for (String tag : typed.split(",")) {
                if (!tag.isBlank()) {
                    tags.add(tag.strip());
                }
            }
        });
        boolean closed = value(values, OPENNESS).map(ViewState.Value::getSelectedOption)
                .map(ViewState.SelectedOption::getValue).filter(CLOSED::equals).isPresent();
        return new Submitted(text(values, SLUG).orElse(""), text(values, PURPOSE).orElse(""), tags, closed);
    }

    private static Optional<String> text(Map<String, Map<String, ViewState.Value>> values, String id) {
        return value(values, id).map(ViewState.Value::getValue).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Optional<ViewState.Value> value(Map<String, Map<String, ViewState.Value>> values, String id) {
        Map<String, ViewState.Value> block = values.get(id);
        return block == null ? Optional.empty() : Optional.ofNullable(block.get(id));
    }

    private static InputBlock input(String id, String label, com.slack.api.model.block.element.BlockElement element,
            String hint, boolean optional) {
        return InputBlock.builder().blockId(id).label(plain(label)).element(element)
                .hint(hint == null ? null : plain(hint)).optional(optional).build();
    }

    private static OptionObject option(String value) {
        return option(value, value);
    }

    private static OptionObject option(String value, String text) {
        return OptionObject.builder().value(value).text(plain(text)).build();
    }
}
