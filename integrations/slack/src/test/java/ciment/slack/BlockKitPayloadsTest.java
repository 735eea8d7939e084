package ciment.slack;

import static ciment.core.testing.ReplySamples.AT;
import static ciment.core.testing.ReplySamples.WORKSPACE;
import static ciment.core.testing.ReplySamples.WORST_NAME;
import static ciment.core.testing.ReplySamples.WORST_POST;
import static ciment.core.testing.ReplySamples.WORST_PURPOSE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Language;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.JoinRequest;
import ciment.core.model.Notice;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Recipient;
import ciment.core.model.Role;
import ciment.core.reply.Home;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import ciment.core.testing.ReplySamples;
import ciment.devkit.slack.BlockKitCheck;
import ciment.devkit.slack.FakeSlackApi;
import ciment.slack.auth.SlackSettings;
import ciment.slack.outbound.SlackMirrorSender;
import ciment.slack.outbound.SlackNoticeSender;
import ciment.slack.render.BlockKitReply;
import ciment.slack.render.CreateCommunityModal;
import ciment.slack.render.HomeView;
import ciment.slack.render.ReplyModal;
import ciment.slack.render.SaveModal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Block Kit payload Ciment sends to Slack, drawn from representative and worst inputs (ReplySamples),
 * through slack_sdk's own validators (BlockKitCheck): answers of every kind, the Home tab, the modals (create a
 * community, reply, save to community, a thread), mirrored copies and notices as Slack's Web API client sends
 * them. Serialized as the Java SDK serializes them (its snake_case Gson). Each in every language Ciment speaks:
 * French is longer than English, and must fit the same limits.
 */
class BlockKitPayloadsTest {
    private static final Gson SLACK_JSON = GsonFactory.createSnakeCase();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The catalogues of every language Ciment ships. */
    private static final List<Catalogue> LANGUAGES = Catalogue.shipped().stream()
            .map(language -> Catalogue.of(language).orElseThrow()).toList();

    static Stream<Arguments> replies() {
        return LANGUAGES.stream().flatMap(words -> ReplySamples.all().entrySet().stream()
                .map(sample -> Arguments.of(words.language().code() + ": " + sample.getKey(), sample.getValue(), words)));
    }

    @Test
    void theLanguagesChecked_includeFrench() {
        assertTrue(LANGUAGES.stream().anyMatch(words -> words.language().equals(Language.FRENCH)), LANGUAGES.toString());
    }

    private static JsonNode json(Object slackModel) {
        try {
            return JSON.readTree(SLACK_JSON.toJson(slackModel));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertAccepted(List<String> errors, Object what) {
        assertTrue(errors.isEmpty(), errors.size() + " errors, first: " + errors.stream().limit(5).toList() + " in "
                + String.valueOf(what).substring(0, Math.min(1_000, String.valueOf(what).length())));
    }

    private static void assertMessageAccepted(String text, List<LayoutBlock> blocks) {
        JsonNode json = json(blocks);
        assertAccepted(BlockKitCheck.message(text, json), json);
    }

    private static void assertViewAccepted(View view) {
        JsonNode json = json(view);
        assertAccepted(BlockKitCheck.view(json), json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void everyReply_isDrawnInBlocksThatSlackSdkAccepts(String name, Reply reply, Catalogue words) {
        BlockKitReply.Rendered rendered = BlockKitReply.render(reply, WORKSPACE, words);
        assertMessageAccepted(rendered.text(), rendered.blocks());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void everyReply_onTopOfTheHomeTab_isAcceptedThere(String name, Reply reply, Catalogue words) {
        assertViewAccepted(HomeView.of(home(0, 0), reply, WORKSPACE, null, words));
    }

    @Test
    void threadOpenedInAModal_ofTheLongestThread_isAccepted() {
        Reply thread = ReplySamples.all().get("thread, worst: 50 longest replies, hidden and removed");
        LANGUAGES.forEach(words -> assertViewAccepted(ReplyModal.thread(thread, WORKSPACE, words)));
    }

    @Test
    void homeTab_ofSomeoneInEverything_withTheLongestFeed_isAccepted() {
        Reply.Feed feed = (Reply.Feed) ReplySamples.all().get("feed, worst: home, 20 longest posts, a next page");
        for (Catalogue words : LANGUAGES) {
            assertViewAccepted(HomeView.of(home(60, 5), null, WORKSPACE, feed, words));
            assertViewAccepted(HomeView.of(home(0, 0), null, WORKSPACE, null, words));
        }
        assertViewAccepted(HomeView.unavailable(WORST_POST));
    }

    @Test
    void modals_withTheLongestInputs_areAccepted() {
        List<String> topics = IntStream.range(0, 40).mapToObj(i -> ReplySamples.longText(i + WORST_NAME, 60)).toList();
        String root = "#" + ReplySamples.id(1);
        for (Catalogue words : LANGUAGES) {
            assertViewAccepted(CreateCommunityModal.form(topics, words));
            assertViewAccepted(CreateCommunityModal.form(List.of(), words));
            assertViewAccepted(ReplyModal.form(new ReplyModal.Target(root + "/" + ReplySamples.id(2), "C0123456789"),
                    words));
            assertViewAccepted(ReplyModal.done(WORST_POST, words));
            for (boolean thread : List.of(true, false)) {
                SaveModal.Saved saved = new SaveModal.Saved("C0123456789", "1700000000.000100", thread, "U0123",
                        WORST_NAME, WORST_POST, false);
                assertViewAccepted(SaveModal.loading(saved, words));
                assertViewAccepted(SaveModal.form(saved, List.of(), words));
                assertViewAccepted(SaveModal.form(saved, List.of("data-guild"), words));
                assertViewAccepted(SaveModal.form(saved, IntStream.range(0, 150)
                        .mapToObj(i -> ReplySamples.worstCommunity(i).slug().value()).toList(), words));
                assertViewAccepted(SaveModal.done(WORST_POST, words));
            }
        }
    }

    @Test
    void announcements_theirDirectMessageTheModalAndItsAnswer_areAccepted() {
        ChatAccount bob = new ChatAccount(Platform.SLACK, "T0TEAM", "U0BOB");
        String slug = ReplySamples.worstCommunity(1).slug().value();
        for (Catalogue words : LANGUAGES) {
            Notice notice = Notice.told("01N3", Recipient.direct(bob, null), words, ciment.core.i18n.Message.of(
                    "announce.notice", slug, ciment.core.i18n.Message.verbatim(WORST_POST)), AT)
                    .about("#" + ReplySamples.id(1)).announcing("01COMMUNITY/2026-12-08");
            String text = ciment.slack.render.Mrkdwn.escape(notice.text());
            assertMessageAccepted(text, SlackNoticeSender.blocks(notice, text));
            assertViewAccepted(ciment.slack.render.AnnouncementBlocks.modal(slug, words));
            assertViewAccepted(ciment.slack.render.AnnouncementBlocks.done(WORST_POST, words));
        }
    }

    @Test
    void mirroredCopies_ofEveryState_areAccepted() {
        Post worst = ReplySamples.worstPost(1);
        for (Post post : List.of(ReplySamples.post(2, "Ada", "Hello"), worst, worst.editedTo(WORST_POST),
                worst.hiddenFor(WORST_PURPOSE), worst.asRemoved(), ReplySamples.reply(3, 1, WORST_NAME, WORST_POST))) {
            assertMessageAccepted(SlackMirrorSender.fallback(post), SlackMirrorSender.blocks(post));
        }
    }

    @Test
    void mirrorsAndNotices_asTheWebApiClientSendsThem_areAccepted() throws Exception {
        try (FakeSlackApi slackApi = FakeSlackApi.start()) {
            Settings settings = Settings.of(Map.of(SlackSettings.BOT_TOKEN, "xoxb-test", SlackSettings.API_URL,
                    slackApi.baseUrl()));
            ChatAccount bob = new ChatAccount(Platform.SLACK, FakeSlackApi.TEAM_ID, "U0BOB");
            String sentence = WORST_NAME + " mentioned you in data-guild: “" + WORST_POST + "”.";
            SlackNoticeSender notices = new SlackNoticeSender(settings);
            notices.send(new Notice("01N1", new Recipient(bob, "C0ASKED", null), sentence, AT));
            notices.send(Notice.aboutPost("01N2", new Recipient(bob, null, null), sentence, AT,
                    "#" + ReplySamples.id(1) + "/" + ReplySamples.id(2)));
            var mirror = new SlackMirrorSender(settings, InMemoryRepositories.create().people());
            var channel = new ciment.core.model.Channel(Platform.SLACK, FakeSlackApi.TEAM_ID, "C0MIRROR", "mirror", null);
            var link = new ciment.core.model.Link("c1", new ciment.core.model.Slug("data-guild"), channel, "U0ADA", AT);
            String ts = mirror.send(link, ReplySamples.worstPost(1), java.util.Optional.empty());
            mirror.update(link, ts, ReplySamples.worstPost(1).hiddenFor(WORST_PURPOSE));

            List<FakeSlackApi.Call> sent = slackApi.calls().stream()
                    .filter(call -> call.method().startsWith("chat.")).toList();
            assertEquals(List.of("chat.postEphemeral", "chat.postMessage", "chat.postMessage", "chat.update"),
                    sent.stream().map(FakeSlackApi.Call::method).sorted().toList(), sent.toString());
            sent.forEach(call -> assertAccepted(BlockKitCheck.call(call), call.method() + " " + call.params()));
        }
    }

    @Test
    void brokenPayloads_areRefused_soThatTheCheckCanFail() throws IOException {
        JsonNode good = json(BlockKitReply.render(new Reply.Done("Joined."), WORKSPACE, Catalogue.ENGLISH).blocks());
        assertTrue(BlockKitCheck.message("Joined.", good).isEmpty(), BlockKitCheck.message("Joined.", good).toString());

        assertRefused(BlockKitCheck.message("x", JSON.readTree("[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\","
                + "\"text\":\"" + "a".repeat(3001) + "\"}}]")), "section text of 3,001 characters");
        assertRefused(BlockKitCheck.message("x", JSON.readTree("[{\"type\":\"header\",\"text\":{\"type\":\"plain_text\","
                + "\"text\":\"" + "a".repeat(151) + "\"}}]")), "header of 151 characters");
        assertRefused(BlockKitCheck.message("x", JSON.readTree("[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\","
                + "\"text\":\"x\"},\"colour\":\"red\"}]")), "a key Block Kit does not have");
        assertRefused(BlockKitCheck.message("x", JSON.readTree("[{\"type\":\"sektion\"}]")), "an unknown block");
        assertRefused(BlockKitCheck.message("x", JSON.readTree("[{\"type\":\"actions\",\"elements\":[{\"type\":\"button\","
                + "\"action_id\":\"a\",\"text\":{\"type\":\"plain_text\",\"text\":\"" + "b".repeat(76) + "\"}}]}]")),
                "button text of 76 characters");
        assertRefused(BlockKitCheck.message("x", JSON.readTree("[" + "{\"type\":\"divider\"},".repeat(50)
                + "{\"type\":\"divider\"}]")), "51 blocks in a message");
        assertRefused(BlockKitCheck.message("x".repeat(40_001), good), "text of 40,001 characters");
        assertRefused(BlockKitCheck.view(JSON.readTree("{\"type\":\"modal\",\"title\":{\"type\":\"plain_text\","
                + "\"text\":\"" + "t".repeat(25) + "\"},\"blocks\":[{\"type\":\"divider\"}]}")), "a modal title of 25");
    }

    private static void assertRefused(List<String> errors, String what) {
        assertFalse(errors.isEmpty(), what + " must be refused");
    }

    /** Someone in {@code mine} communities (stewarding all, each with {@code requests} waiting), invited, suggested. */
    private static Home home(int mine, int requests) {
        List<Home.Mine> communities = new ArrayList<>();
        for (int i = 0; i < mine; i++) {
            Community community = ReplySamples.worstCommunity(i);
            List<JoinRequest> waiting = IntStream.range(0, requests).mapToObj(r -> new JoinRequest(community.id(),
                    community.slug(), "p-" + r, WORST_NAME, AT)).toList();
            communities.add(new Home.Mine(community, Role.STEWARD, waiting, Map.of("p-1", List.of(
                    new ChatAccount(Platform.SLACK, WORKSPACE, "U1")))));
        }
        List<Community> others = IntStream.range(100, 110).mapToObj(ReplySamples::worstCommunity).toList();
        return new Home(new Person("p-x", WORST_NAME), communities, others, others, List.of(WORST_NAME));
    }
}
