package ciment.core;

import ciment.core.command.Command;
import ciment.core.command.PrivacyVerbs;
import ciment.core.command.Verbs;
import ciment.core.config.TrustedDomains;
import ciment.core.config.WriteLimits;
import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Language;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.ChatMessage;
import ciment.core.model.Link;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Profile;
import ciment.core.model.Refusal;
import ciment.core.model.Slug;
import ciment.core.port.MessageCopies;
import ciment.core.port.Repositories;
import ciment.core.privacy.PersonalData;
import ciment.core.reply.Answer;
import ciment.core.reply.Home;
import ciment.core.reply.Reply;
import ciment.core.service.Actions;
import ciment.core.service.Finance;
import ciment.core.service.Me;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The one entry point both chat tools call: a command in ({@link #execute}, built by a button, card, modal or
 * reply chain, or {@link #handle} for the words a person typed), an answer out.
 */
public final class Ciment {
    private final Actions actions;
    private final MessageCopies copies;

    /** Without metering: costs and budget say they are not set up; grant works for admins granted in the store. */
    public Ciment(Repositories store, Clock clock) {
        this(store, clock, Finance.off());
    }

    /** Without metering, believing addresses as CIMENT_TRUSTED_DOMAINS says. */
    public Ciment(Repositories store, Clock clock, TrustedDomains trusted) {
        this(store, clock, Finance.off().trusting(trusted));
    }

    /** With the default limits on each person's writes ({@link WriteLimits#DEFAULTS}). */
    public Ciment(Repositories store, Clock clock, Finance finance) {
        this(store, clock, finance, WriteLimits.DEFAULTS);
    }

    public Ciment(Repositories store, Clock clock, Finance finance, WriteLimits limits) {
        this(store, clock, finance, limits, Language.ENGLISH);
    }

    /** Speaking {@code fallback} (CIMENT_DEFAULT_LANGUAGE) to whoever's language is not known. */
    public Ciment(Repositories store, Clock clock, Finance finance, WriteLimits limits, Language fallback) {
        this.actions = Actions.wired(store, clock, finance, limits, fallback);
        this.copies = store.messageCopies();
    }

    /** The words a person typed, answered in their language. */
    public Answer answer(Caller caller, String text) {
        return answer(caller, () -> Verbs.parse(text));
    }

    /** A command, answered in the caller's language. */
    public Answer answer(Caller caller, Command command) {
        return answer(caller, () -> command);
    }

    /** A command built from what a button, card or modal carries (see {@link #execute(Caller, Supplier)}). */
    public Answer answer(Caller caller, Supplier<? extends Command> command) {
        Me me = actions.me(caller);
        Reply reply = execute(me, command);
        return new Answer(reply, actions.reading().of(caller, me.known()));
    }

    /** The language the caller reads (for what is drawn without a command: a Home tab, a modal). */
    public Catalogue words(Caller caller) {
        return actions.reading().of(caller, Optional.empty());
    }

    /** The words a person typed: read into their command, then run as {@link #execute} does. */
    public Reply handle(Caller caller, String text) {
        return execute(caller, () -> Verbs.parse(text));
    }

    /** A command, run for the caller; a refusal says why nothing was done. */
    public Reply execute(Caller caller, Command command) {
        return execute(caller, () -> command);
    }

    /**
     * A command made from what a button, card or modal carries: made here, so that a value the grammar refuses
     * (an empty reply, a community name of the wrong shape) is answered with the same sentence as typed words.
     */
    public Reply execute(Caller caller, Supplier<? extends Command> command) {
        return execute(actions.me(caller), command);
    }

    private Reply execute(Me me, Supplier<? extends Command> command) {
        Reply reply;
        Command made = null;
        try {
            made = command.get();
            reply = run(me, made);
        } catch (Refusal refusal) {
            return new Reply.Refused(refusal.message());
        }
        if (!(reply instanceof Reply.Refused) && !(made instanceof PrivacyVerbs.EraseMyData)) {
            markActive(me);
        }
        return reply;
    }

    /**
     * A person who made a request is active (the weekly digest's default): marked once their request was done (a
     * refusal writes nothing), never by erase-my-data (which removes the mark), never failing the request.
     */
    private void markActive(Me me) {
        me.known().filter(person -> !person.erasing()).ifPresent(person -> actions.digests().active(person));
    }

    /**
     * The caller's home: their communities, the requests waiting where they steward, invitations and
     * suggestions. Throws {@link Refusal} when the caller cannot be met (their chat tool did not answer).
     */
    public Home home(Caller caller) {
        return actions.homes().home(personOf(caller));
    }

    /**
     * Ciment was added to the caller's conversation (Teams: a team, a group or personal chat): it introduces
     * itself there once, in the conversation's language; {@code addressing} is how commands are sent there.
     * Nobody is enrolled. Returns whether the introduction was written now.
     */
    public boolean introduceIn(Caller caller, String addressing) {
        return actions.welcomes().introduceIn(caller, addressing);
    }

    /**
     * The caller opened Ciment's home (Slack's App Home): the first time, Ciment introduces itself in their
     * direct messages, in their language. Throws {@link Refusal} as home does. Returns whether it was written now.
     */
    public boolean introduceTo(Caller caller, String addressing) {
        return actions.welcomes().introduceTo(personOf(caller), caller, addressing);
    }

    /** The roles and skills the caller declared (to suggest tags, say). Throws {@link Refusal} as home does. */
    public Profile profile(Caller caller) {
        return actions.profiles().profile(personOf(caller));
    }

    /**
     * "Save to community": a chat message, then the replies of its thread (oldest first), become a post of
     * the community and its replies, posted by the caller with each author credited. Reply.Posted names the
     * post; a refusal says why nothing was saved.
     */
    public Reply save(Caller caller, String slug, List<ChatMessage> messages) {
        try {
            return actions.captures().save(personOf(caller), caller, Slug.parse(slug), messages);
        } catch (Refusal refusal) {
            return new Reply.Refused(refusal.message());
        }
    }

    /**
     * A message written in the caller's channel ({@link Caller#channel()}), its request id being the message's
     * id: in a linked channel it becomes a post, or with {@code rootMessageId} (its thread's first message) a
     * reply. Empty when the channel is not linked, or the thread's first message is no post: the message is
     * none of Ciment's business, and nothing was written (nor the author looked up).
     */
    public Optional<Reply> channelMessage(Caller caller, String messageId, String rootMessageId, String text) {
        return inLinkedChannel(caller, (author, link) -> actions.intake().message(author, caller, link, messageId, rootMessageId,
                text));
    }

    /** A message of a linked channel was edited: its post follows. Empty when it is no post. */
    public Optional<Reply> channelEdit(Caller caller, String messageId, String text) {
        return inLinkedChannel(caller, (author, link) -> actions.intake().edited(author, caller, link, messageId, text));
    }

    /** A message of a linked channel was deleted: its post shows as removed. Empty when it is no post. */
    public Optional<Reply> channelDelete(Caller caller, String messageId) {
        return inLinkedChannel(caller, (author, link) -> actions.intake().deleted(author, caller, link, messageId));
    }

    /**
     * The post a chat message shows, as commands name it: a linked channel's message that became a post, or a
     * copy of a post that the bot sent. Empty for any other message. A reaction to it reacts to the post.
     */
    public Optional<String> postShownBy(Platform platform, String conversationId, String messageId) {
        return copies.find(platform, conversationId, messageId);
    }

    private Optional<Reply> inLinkedChannel(Caller caller,
            BiFunction<Person, Link, Optional<Reply>> action) {
        Optional<Link> link = actions.intake().linkOf(caller);
        if (link.isEmpty()) {
            return Optional.empty();
        }
        try {
            return action.apply(personOf(caller), link.get());
        } catch (Refusal refusal) {
            return Optional.of(new Reply.Refused(refusal.message()));
        }
    }

    /**
     * Everything Ciment holds about the person behind the account, collected now: export-my-data's file,
     * for a chat tool that sends it when the person accepts it (Teams). Empty when nothing is held.
     */
    public Optional<PersonalData> personalData(ChatAccount account) {
        return actions.privacy().dataOf(account);
    }

    private Reply run(Me me, Command command) {
        if (!(command instanceof Verbs.Help) && !(command instanceof PrivacyVerbs.EraseMyData e && e.confirm())
                && me.person().erasing()) {
            // An erasure was interrupted: this request finishes it (unless the person must hand over first).
            Optional<Reply> finished = actions.privacy().finish(me.person());
            if (finished.isPresent()) {
                return finished.get();
            }
        }
        return Verbs.run(actions, me, command);
    }

    private Person personOf(Caller caller) {
        return actions.identity().personOf(caller);
    }
}
