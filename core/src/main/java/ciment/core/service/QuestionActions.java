package ciment.core.service;

import ciment.core.i18n.Message;
import ciment.core.model.Community;
import ciment.core.model.Person;
import ciment.core.model.Post;
import ciment.core.model.PostRef;
import ciment.core.model.Refusal;
import ciment.core.model.Slug;
import ciment.core.model.Text;
import ciment.core.port.Communities;
import ciment.core.port.Questions;
import ciment.core.reply.Reply;
import java.util.Arrays;
import java.util.List;

/** Questions and their accepted answers; knowledge that stewards pin, and finding it again. */
public record QuestionActions(Communities communities, Questions questions, CommunityActions communityActions,
        PostLocator locator) {
    static final int PAGE = 20;
    /** Pinned posts read to answer a knowledge search: a community's knowledge is curated, so it stays small. */
    static final int KNOWLEDGE_READ = 200;

    /** The asker, or a steward, names the reply that answers the question. */
    public Reply accept(Person person, PostRef ref) {
        if (!ref.isReply()) {
            throw new Refusal(Message.of("core.accept.notReply", ref));
        }
        PostLocator.Located answer = locator.locate(person, ref);
        Post question = locator.locate(person, new PostRef(null, ref.rootId())).post();
        if (!question.isQuestion()) {
            throw new Refusal(Message.of("core.accept.notQuestion", question.reference()));
        }
        boolean steward = answer.membership() != null && answer.membership().isSteward();
        if (!person.id().equals(question.authorId()) && !steward) {
            throw new Refusal(Message.of("core.accept.notAsker", question.reference(), question.slug()));
        }
        if (answer.post().isRemoved() || answer.post().isHidden()) {
            throw new Refusal(Message.of(answer.post().isRemoved() ? "core.accept.deleted" : "core.accept.hidden",
                    ref));
        }
        if (answer.post().id().equals(question.marks().answerId())) {
            throw new Refusal(Message.of("core.accept.already", ref, question.reference()));
        }
        communities.find(question.slug()).ifPresent(CommunityActions::writable);
        if (!questions.accept(question, answer.post())) {
            throw new Refusal(Message.of("core.accept.gone", question.reference()));
        }
        return new Reply.Done(Message.of("core.accept.done", ref, question.reference(), question.slug()));
    }

    public Reply questions(Person reader, Slug slug, boolean unansweredOnly) {
        Community community = communityActions.readableBy(reader, slug);
        List<Post> found = questions.questions(community.id(), unansweredOnly, PAGE);
        Message title = Message.of(unansweredOnly ? "core.questions.unansweredTitle" : "core.questions.title", slug);
        Message empty = Message.of(unansweredOnly ? "core.questions.allAnswered" : "core.questions.none", slug);
        return new Reply.Posts(title, found, empty);
    }

    /** A steward pins a post (a first post stands for its whole thread) or unpins it. */
    public Reply pin(Person steward, PostRef ref, boolean pin) {
        PostLocator.Located found = locator.locate(steward, ref);
        if (found.membership() == null || !found.membership().isSteward()) {
            throw new Refusal(Message.of(pin ? "core.pin.notSteward" : "core.unpin.notSteward", found.post().slug()));
        }
        if (pin && (found.post().isRemoved() || found.post().isHidden())) {
            throw new Refusal(Message.of(found.post().isRemoved() ? "core.pin.deleted" : "core.pin.hidden", ref));
        }
        communities.find(found.post().slug()).ifPresent(CommunityActions::writable);
        if (!questions.pin(found.post(), pin)) {
            throw new Refusal(Message.of(pin ? "core.pin.already" : "core.unpin.never", ref));
        }
        return new Reply.Done(pin ? Message.of(ref.isReply() ? "core.pin.doneReply" : "core.pin.doneThread", ref,
                found.post().slug()) : Message.of("core.unpin.done", ref, found.post().slug()));
    }

    /** Pinned posts, newest first; with a query, those whose text or latest reply holds every word. */
    public Reply knowledge(Person reader, Slug slug, String query) {
        Community community = communityActions.readableBy(reader, slug);
        List<String> words = Arrays.stream(Text.fold(query).split("\\s+")).filter(w -> !w.isEmpty()).toList();
        List<Post> found = questions.knowledge(community.id(), KNOWLEDGE_READ).stream()
                .filter(post -> !post.isRemoved() && !post.isHidden())
                .filter(post -> matches(post, words))
                .limit(PAGE).toList();
        Message title = query.isBlank() ? Message.of("core.knowledge.title", slug)
                : Message.of("core.knowledge.titleAbout", slug, Message.verbatim(query));
        Message empty = query.isBlank() ? Message.of("core.knowledge.none", slug)
                : Message.of("core.knowledge.noMatch", slug, Message.verbatim(query));
        return new Reply.Posts(title, found, empty);
    }

    private static boolean matches(Post post, List<String> words) {
        String text = Text.fold(post.text() + " " + (post.latestReply() == null ? "" : post.latestReply()));
        return words.stream().allMatch(text::contains);
    }
}
