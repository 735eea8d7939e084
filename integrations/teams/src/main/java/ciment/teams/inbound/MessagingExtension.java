package ciment.teams.inbound;

import ciment.core.Ciment;
import ciment.core.PeopleSearch;
import ciment.core.command.CommunityVerbs;
import ciment.core.i18n.Catalogue;
import ciment.core.model.Caller;
import ciment.core.model.Community;
import ciment.core.model.Refusal;
import ciment.core.reply.Answer;
import ciment.core.reply.Reply;
import ciment.teams.render.AdaptiveCards;
import ciment.teams.render.CardText;
import ciment.teams.render.CommunityCards;
import ciment.teams.render.PeopleCards;
import ciment.teams.render.TeamsWire;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ThumbnailCard;
import com.microsoft.bot.schema.teams.MessagingExtensionAttachment;
import com.microsoft.bot.schema.teams.MessagingExtensionParameter;
import com.microsoft.bot.schema.teams.MessagingExtensionQuery;
import com.microsoft.bot.schema.teams.MessagingExtensionResponse;
import com.microsoft.bot.schema.teams.MessagingExtensionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The search-based messaging extension: Teams waits 5 seconds for its answer, so it only reads the table
 * (a few reads) and never calls the Bot Connector. searchCommunities finds communities as the words
 * "communities <query>" do (a guest sees only where invited); opened with nothing typed it lists my
 * communities and suggestions. searchPeople finds colleagues by a role or skill they declared.
 */
public final class MessagingExtension {
    public static final String SEARCH_COMMUNITIES = "searchCommunities";
    public static final String SEARCH_PEOPLE = "searchPeople";
    /** Every search answer() knows: the app manifest names exactly these (TeamsAppPackageTest). */
    public static final List<String> COMMANDS = List.of(SEARCH_COMMUNITIES, SEARCH_PEOPLE);
    public static final String QUERY = "query";
    static final String INITIAL_RUN = "initialRun";

    private final Ciment ciment;
    private final Optional<PeopleSearch> people;

    public MessagingExtension(Ciment ciment, Optional<PeopleSearch> people) {
        this.ciment = ciment;
        this.people = people;
    }

    /** @param caller the person searching, who is never looked up through the Bot Connector here */
    public MessagingExtensionResponse answer(MessagingExtensionQuery query, Caller caller) {
        if (query == null || query.getCommandId() == null) {
            return message(ciment.words(caller).say("teams.search.unknown"));
        }
        if (query.getQueryOptions() != null && query.getQueryOptions().getSkip() > 0) {
            return results(List.of()); // the first page held every result
        }
        String text = parameter(query, QUERY).orElse("").strip();
        boolean initialRun = text.isEmpty() || parameter(query, INITIAL_RUN).isPresent();
        return switch (query.getCommandId()) {
            case SEARCH_COMMUNITIES -> communities(caller, initialRun ? "" : text);
            case SEARCH_PEOPLE -> initialRun ? message(ciment.words(caller).say("teams.search.peopleHint"))
                    : people(caller, text);
            default -> message(ciment.words(caller).say("teams.search.unknownCommand", query.getCommandId()));
        };
    }

    private MessagingExtensionResponse communities(Caller caller, String text) {
        Answer answer = ciment.answer(caller, new CommunityVerbs.Discover(text.strip()));
        Catalogue words = answer.words();
        if (!(answer.reply() instanceof Reply.CommunityList list)) {
            return message(answer.summary());
        }
        List<Reply.Listed> shown = new ArrayList<>();
        if (text.isEmpty()) {
            // Opened with nothing typed: mine first, then suggestions; the whole list only when both are empty.
            list.communities().stream().filter(Reply.Listed::member).forEach(shown::add);
            shown.addAll(list.suggested());
            if (shown.isEmpty()) {
                shown.addAll(list.communities());
            }
        } else {
            shown.addAll(list.communities());
        }
        if (shown.isEmpty()) {
            return message(list.summary(words));
        }
        List<MessagingExtensionAttachment> attachments = new ArrayList<>();
        int budget = budgetOfEach(shown.size());
        for (Reply.Listed listed : shown) {
            Community community = listed.community();
            attachments.add(result(CommunityCards.communityResult(community, budget, words),
                    preview(community.slug() + " · " + community.name(), CommunityCards.state(community, words)
                                    + (listed.member() ? " · " + words.say("teams.community.member") : ""),
                            community.purpose())));
        }
        return results(attachments);
    }

    private MessagingExtensionResponse people(Caller caller, String text) {
        Catalogue words = ciment.words(caller);
        if (people.isEmpty()) {
            return message(words.say("teams.search.peopleUnavailable"));
        }
        List<PeopleSearch.Found> found;
        try {
            found = people.get().find(caller.account(), text);
        } catch (Refusal refusal) {
            return message(words.say(refusal.message()));
        }
        if (found.isEmpty()) {
            return message(words.say("teams.search.nobody", text));
        }
        String tenant = caller.account().workspace();
        List<MessagingExtensionAttachment> attachments = new ArrayList<>();
        int budget = budgetOfEach(found.size());
        for (PeopleSearch.Found person : found) {
            attachments.add(result(PeopleCards.personResult(person, tenant, budget, words),
                    preview(person.person().displayName(),
                            fact(words, "teams.me.roles", PeopleCards.declared(person.profile().roles(), "teams.me.noRoles",
                                    words)),
                            fact(words, "teams.me.skills", PeopleCards.declared(person.profile().skills(),
                                    "teams.me.noSkills", words)))));
        }
        return results(attachments);
    }

    /** "Roles: accessibility", as the language writes a label and its value. */
    private static String fact(Catalogue words, String labelKey, String value) {
        return words.say("teams.fact", words.say(labelKey)) + " " + value;
    }

    private static Optional<String> parameter(MessagingExtensionQuery query, String name) {
        if (query.getParameters() == null) {
            return Optional.empty();
        }
        return query.getParameters().stream()
                .filter(p -> name.equals(p.getName()) && p.getValue() != null)
                .map(MessagingExtensionParameter::getValue)
                .map(Object::toString)
                .findFirst();
    }

    /** A result: the card put in the conversation, and the preview Teams lists it with. */
    private static MessagingExtensionAttachment result(Object card, Attachment preview) {
        MessagingExtensionAttachment attachment = new MessagingExtensionAttachment();
        attachment.setContentType(AdaptiveCards.CONTENT_TYPE);
        attachment.setContent(card);
        attachment.setPreview(preview);
        return attachment;
    }

    /**
     * The preview Teams lists a result with. Its title and subtitle take no formatting; its text is read as
     * Teams' XML subset (a link tag would hide its address), so it is escaped ({@link CardText#inertXml}).
     */
    private static Attachment preview(String title, String subtitle, String text) {
        ThumbnailCard thumbnail = new ThumbnailCard();
        thumbnail.setTitle(CardText.shown(CardText.cut(title, PREVIEW_MAX)));
        thumbnail.setSubtitle(CardText.shown(CardText.cut(subtitle, PREVIEW_MAX)));
        thumbnail.setText(CardText.inertXml(CardText.cut(text, PREVIEW_MAX)));
        return thumbnail.toAttachment();
    }

    /** A preview's title, subtitle and text are cut to this many characters (Teams shows a line or two). */
    static final int PREVIEW_MAX = 140;

    /** What each result's card may weigh, so that a whole page of them fits in one answer. */
    private static int budgetOfEach(int results) {
        return Math.max(MIN_RESULT_BYTES, TeamsWire.CARD_BUDGET / Math.max(1, results));
    }

    /** A result's card is never squeezed below this: fewer results are sent instead (see {@link #results}). */
    private static final int MIN_RESULT_BYTES = 2_000;

    /** The results, as many as fit in one answer within Teams' limit (the first page holds them all). */
    private static MessagingExtensionResponse results(List<MessagingExtensionAttachment> attachments) {
        MessagingExtensionResult result = new MessagingExtensionResult();
        result.setType("result");
        result.setAttachmentLayout("list");
        List<MessagingExtensionAttachment> kept = new ArrayList<>(attachments);
        result.setAttachments(kept);
        while (kept.size() > 1 && TeamsWire.bytes(result) > TeamsWire.CARD_BUDGET) {
            kept.removeLast();
            result.setAttachments(kept);
        }
        return new MessagingExtensionResponse(result);
    }

    /** A sentence in the search's flyout instead of results (a refusal, or what to type). */
    private static MessagingExtensionResponse message(String sentence) {
        MessagingExtensionResult result = new MessagingExtensionResult();
        result.setType("message");
        result.setText(sentence);
        return new MessagingExtensionResponse(result);
    }
}
