package ciment.slack.inbound;

import ciment.core.Ciment;
import ciment.core.command.CommunityVerbs;
import ciment.core.command.StewardVerbs;
import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Message;
import ciment.core.model.Caller;
import ciment.core.model.Profile;
import ciment.core.model.Refusal;
import ciment.core.model.Slug;
import ciment.core.reply.Answer;
import ciment.core.reply.Reply;
import ciment.slack.render.CreateCommunityModal;
import com.slack.api.app_backend.interactive_components.payload.GlobalShortcutPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.GlobalShortcutContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.GlobalShortcutRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.methods.response.views.ViewsUpdateResponse;
import com.slack.api.model.view.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creating a community from a form: the global shortcut and the Home's button open the modal at once
 * (views.open before anything else: the trigger id lasts 3 seconds), then fill it with the person's
 * roles and skills as tags to tick (views.update). The submission runs {@code create}, then the tags and
 * closing chosen; anything refused is said on its own field and nothing is written. Done, the modal
 * closes and the Home is drawn again.
 */
record CreateCommunity(Supplier<Ciment> ciment, SlackCallers callers, HomeTab home) {
    private static final Logger LOG = LoggerFactory.getLogger(CreateCommunity.class);

    Response shortcut(GlobalShortcutRequest request, GlobalShortcutContext context) {
        GlobalShortcutPayload payload = request.getPayload();
        String teamId = payload.getTeam() != null ? payload.getTeam().getId() : payload.getUser().getTeamId();
        String enterpriseId = payload.getEnterprise() != null ? payload.getEnterprise().getId() : null;
        if (context.getBotToken() != null) {
            open(context.client(), payload.getTriggerId(), () -> callers.caller(teamId, enterpriseId,
                    payload.getUser().getId(), payload.getUser().getUsername(), payload.getTriggerId(),
                    callers.sentAt(request.getHeaders()), null));
        }
        return context.ack();
    }

    Response fromHome(BlockActionRequest request, ActionContext context) {
        if (context.getBotToken() != null) {
            open(context.client(), request.getPayload().getTriggerId(), () -> callers.ofClick(request, null));
        }
        return context.ack();
    }

    /**
     * The bare form first, with nothing read before it: in the deployment's language. Then, filled in the person's
     * language with their topics as tags, if they have any or read another language.
     */
    private void open(MethodsClient client, String triggerId, Supplier<Caller> asker) {
        Catalogue bare = callers.deployment();
        ViewsOpenResponse opened;
        try {
            opened = client.viewsOpen(r -> r.triggerId(triggerId).view(CreateCommunityModal.form(List.of(), bare)));
        } catch (Exception e) {
            LOG.warn("views.open failed ({})", e.toString());
            return;
        }
        if (!opened.isOk() || opened.getView() == null) {
            LOG.warn("views.open answered {}", opened.getError());
            return;
        }
        List<String> offered;
        Catalogue words;
        try {
            Caller caller = asker.get();
            Profile profile = ciment.get().profile(caller);
            List<String> topics = new ArrayList<>(profile.roles());
            topics.addAll(profile.skills());
            offered = CreateCommunityModal.offered(topics);
            words = callers.words(ciment, caller);
        } catch (RuntimeException e) {
            LOG.warn("no tags to offer in the form ({})", e.toString());
            return;
        }
        if (offered.isEmpty() && words.language().equals(bare.language())) {
            return;
        }
        View view = opened.getView();
        try {
            ViewsUpdateResponse updated = client.viewsUpdate(r -> r.viewId(view.getId()).hash(view.getHash())
                    .view(CreateCommunityModal.form(offered, words)));
            if (!updated.isOk()) {
                // hash_conflict: the person was quicker; the bare form still works.
                LOG.info("views.update answered {}", updated.getError());
            }
        } catch (Exception e) {
            LOG.warn("views.update failed ({})", e.toString());
        }
    }

    Response submitted(ViewSubmissionRequest request, ViewSubmissionContext context) {
        ViewSubmissionPayload payload = request.getPayload();
        CreateCommunityModal.Submitted form = CreateCommunityModal.read(payload.getView().getState());
        Caller caller = callers.ofSubmission(request, null);
        // Everything that can be refused before a write is checked first: a refusal then writes nothing.
        Slug slug;
        try {
            slug = Slug.parse(form.slug());
        } catch (Refusal refusal) {
            return refusedOn(context, CreateCommunityModal.SLUG, caller, refusal);
        }
        CommunityVerbs.Create create;
        try {
            create = new CommunityVerbs.Create(slug, form.purpose());
        } catch (Refusal refusal) {
            return refusedOn(context, CreateCommunityModal.PURPOSE, caller, refusal);
        }
        StewardVerbs.Tags tags;
        try {
            tags = form.tags().isEmpty() ? null : StewardVerbs.Tags.of(slug, form.tags());
        } catch (Refusal refusal) {
            return refusedOn(context, CreateCommunityModal.TAGS, caller, refusal);
        }

        String userId = caller.account().userId();
        Answer created;
        try {
            created = ciment.get().answer(caller, create);
        } catch (RuntimeException e) {
            LOG.error("create {} by {} failed", slug, userId, e);
            return context.ackWithErrors(Map.of(CreateCommunityModal.SLUG,
                    callers.tryAgain(ciment, caller, "slack.tryAgain.create").summary()));
        }
        if (created.reply() instanceof Reply.Refused) {
            return context.ackWithErrors(Map.of(CreateCommunityModal.SLUG, created.summary()));
        }
        Reply answer = settle(caller, created, slug, tags, form.closed());
        if (context.getBotToken() != null) {
            home.publish(context.client(), caller, userId, answer);
        }
        return context.ack(r -> r.responseAction("clear"));
    }

    /** A refusal said on the field it is about, in the person's language. */
    private Response refusedOn(ViewSubmissionContext context, String field, Caller caller, Refusal refusal) {
        return context.ackWithErrors(Map.of(field, callers.words(ciment, caller).say(refusal.message())));
    }

    /**
     * The tags and closing chosen, on the community just created (checked above: only a race refuses them): what
     * was done, in sentences one after the other.
     */
    private Reply settle(Caller caller, Answer created, Slug slug, StewardVerbs.Tags tags, boolean closed) {
        List<Message> undone = new ArrayList<>();
        try {
            if (tags != null && ciment.get().execute(caller, tags) instanceof Reply.Refused refused) {
                undone.add(refused.message());
            }
            if (closed && ciment.get().execute(caller, new StewardVerbs.SetOpen(slug, false))
                    instanceof Reply.Refused refused) {
                undone.add(refused.message());
            }
        } catch (RuntimeException e) {
            LOG.error("settling {} failed", slug, e);
            undone.add(Message.of("slack.create.unsettled", slug));
        }
        Message done = created.reply() instanceof Reply.Said said ? said.message() : Message.verbatim(created.summary());
        if (closed && undone.isEmpty()) {
            done = Message.of("slack.sentences", done, Message.of("slack.create.isClosed"));
        }
        for (Message why : undone) {
            done = Message.of("slack.sentences", done, why);
        }
        return new Reply.Done(done);
    }
}
