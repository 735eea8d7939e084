package ciment.core.service;

import ciment.core.model.Community;
import ciment.core.model.Person;
import ciment.core.model.Post;
import ciment.core.model.PostRef;
import ciment.core.model.Refusal;
import ciment.core.model.Slug;
import ciment.core.model.Text;
import ciment.core.port.Communities;
import ciment.core.port.Conversations;
import ciment.core.port.Questions;
import ciment.core.reply.Reply;
import java.util.Arrays;
import java.util.List;

/** Questions and their accepted answers; knowledge that stewards pin, and finding it again. */
public final class QuestionActions {
    static final int PAGE = 20;
    /** Pinned posts read to answer a knowledge search: a community's knowledge is curated, so it stays small. */
    static final int KNOWLEDGE_READ = 200;

    private final Communities communities;
    private final Questions questions;
    private final CommunityActions communityActions;
    private final PostLocator locator;

    QuestionActions(Communities communities, Conversations conversations, Questions questions,
            CommunityActions communityActions) {
        this.communities = communities;
        this.questions = questions;
        this.communityActions = communityActions;
        this.locator = new PostLocator(communities, conversations);
    }

    /** The asker, or a steward, names the reply that answers the question. */
    public Reply accept(Person person, PostRef ref) {
        if (!ref.isReply()) {
            throw new Refusal("Name the reply that answers, as #question/reply: accept takes a reply of the question's"
                    + " thread (thread " + ref + " shows them).");
        }
        PostLocator.Located answer = locator.locate(person, ref);
        Post question = locator.locate(person, new PostRef(null, ref.rootId())).post();
        if (!question.isQuestion()) {
            throw new Refusal(question.reference() + " is not a question, so no answer can be accepted there: questions"
                    + " are asked with ask <slug> <question>.");
        }
        boolean steward = answer.membership() != null && answer.membership().isSteward();
        if (!person.id().equals(question.authorId()) && !steward) {
            throw new Refusal("Only the person who asked " + question.reference() + ", or a steward of " + question.slug()
                    + ", can accept its answer.");
        }
        if (answer.post().isRemoved() || answer.post().isHidden()) {
            throw new Refusal(ref + " was " + (answer.post().isRemoved() ? "deleted" : "hidden by a steward")
                    + ": it cannot be the accepted answer.");
        }
        if (answer.post().id().equals(question.marks().answerId())) {
            throw new Refusal(ref + " is already the accepted answer of " + question.reference() + ".");
        }
        communities.find(question.slug()).ifPresent(CommunityActions::writable);
        if (!questions.accept(question, answer.post())) {
            throw new Refusal(question.reference() + " was deleted or hidden meanwhile: it takes no accepted answer.");
        }
        return new Reply.Done("Accepted " + ref + " as the answer to " + question.reference() + " in " + question.slug()
                + ".");
    }

    public Reply questions(Person reader, Slug slug, boolean unansweredOnly) {
        Community community = communityActions.readableBy(reader, slug);
        List<Post> found = questions.questions(community.id(), unansweredOnly, PAGE);
        String title = (unansweredOnly ? "Unanswered questions in " : "Questions in ") + slug;
        String empty = unansweredOnly ? "Every question in " + slug + " has an accepted answer."
                : "No question in " + slug + " yet: ask one with ask " + slug + " <question>.";
        return new Reply.Posts(title, found, empty);
    }

    /** A steward pins a post (a first post stands for its whole thread) or unpins it. */
    public Reply pin(Person steward, PostRef ref, boolean pin) {
        PostLocator.Located found = locator.locate(steward, ref);
        if (found.membership() == null || !found.membership().isSteward()) {
            throw new Refusal("Only stewards of " + found.post().slug() + " can " + (pin ? "pin" : "unpin")
                    + " its posts as knowledge.");
        }
        if (pin && (found.post().isRemoved() || found.post().isHidden())) {
            throw new Refusal(ref + " was " + (found.post().isRemoved() ? "deleted" : "hidden by a steward")
                    + ": it cannot be kept as knowledge.");
        }
        communities.find(found.post().slug()).ifPresent(CommunityActions::writable);
        if (!questions.pin(found.post(), pin)) {
            throw new Refusal(ref + (pin ? " is already pinned as knowledge." : " is not pinned, so there is nothing"
                    + " to unpin."));
        }
        String what = ref.isReply() ? ref.toString() : ref + " and its thread";
        return new Reply.Done(pin ? "Pinned " + what + " as knowledge of " + found.post().slug() + ": knowledge "
                + found.post().slug() + " finds it."
                : "Unpinned " + ref + ": it is no longer in the knowledge of " + found.post().slug() + ".");
    }

    /** Pinned posts, newest first; with a query, those whose text or latest reply holds every word. */
    public Reply knowledge(Person reader, Slug slug, String query) {
        Community community = communityActions.readableBy(reader, slug);
        List<String> words = Arrays.stream(Text.fold(query).split("\\s+")).filter(w -> !w.isEmpty()).toList();
        List<Post> found = questions.knowledge(community.id(), KNOWLEDGE_READ).stream()
                .filter(post -> !post.isRemoved() && !post.isHidden())
                .filter(post -> matches(post, words))
                .limit(PAGE).toList();
        String title = query.isBlank() ? "Knowledge of " + slug : "Knowledge of " + slug + " about “" + query + "”";
        String empty = query.isBlank() ? "Nothing is pinned in " + slug + " yet: stewards keep posts with pin <post>."
                : "Nothing pinned in " + slug + " matches “" + query + "”: try fewer words, or knowledge " + slug
                        + " alone.";
        return new Reply.Posts(title, found, empty);
    }

    private static boolean matches(Post post, List<String> words) {
        String text = Text.fold(post.text() + " " + (post.latestReply() == null ? "" : post.latestReply()));
        return words.stream().allMatch(text::contains);
    }
}
