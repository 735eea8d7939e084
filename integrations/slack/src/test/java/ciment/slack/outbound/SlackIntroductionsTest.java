package ciment.slack.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.Introduction;
import ciment.core.model.Refusal;
import ciment.devkit.slack.FakeSlackApi;
import ciment.slack.CimentSlackApp;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.model.User;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** users.info's answer as Ciment's Introduction: name, email, guest; and what a command does when Slack cannot say. */
class SlackIntroductionsTest {
    private static final String HERE = "T0HERE";
    private static final SlackOrigin FROM_HERE = new SlackOrigin(HERE, null);

    private static User user(Consumer<User> change) {
        User user = new User();
        user.setId("U0ADA");
        user.setName("ada.handle");
        user.setTeamId(HERE);
        User.Profile profile = new User.Profile();
        profile.setDisplayName("ada");
        profile.setRealName("Ada Lovelace");
        profile.setEmail("Ada@Example.COM");
        user.setProfile(profile);
        change.accept(user);
        return user;
    }

    private static Introduction introduced(User user) {
        return SlackIntroductions.introduction(user, FROM_HERE, "ada.l");
    }

    @Nested
    class Mapping {
        @Test
        void memberOfTheWorkspace_withAnEmail_isAnEmployee_withTheAddressInLowerCase() {
            assertEquals(new Introduction("ada", Optional.of("ada@example.com"), false, List.of(HERE)),
                    introduced(user(u -> { })));
        }

        @Test
        void missingEmail_isNoEmail_notAnError() {
            Introduction introduction = introduced(user(u -> u.getProfile().setEmail(null)));

            assertEquals(Optional.empty(), introduction.email());
            assertEquals("ada", introduction.displayName());
            assertFalse(introduction.guest());
        }

        @Test
        void blankEmail_isNoEmail() {
            assertEquals(Optional.empty(), introduced(user(u -> u.getProfile().setEmail("  "))).email());
        }

        @Test
        void userWithoutProfile_isNamedByTheFallback_withNoEmail() {
            Introduction introduction = introduced(user(u -> u.setProfile(null)));

            assertEquals(new Introduction("ada.l", Optional.empty(), false, List.of(HERE)), introduction);
        }

        @Test
        void multiChannelGuest_isAGuest() {
            assertTrue(introduced(user(u -> u.setRestricted(true))).guest());
        }

        @Test
        void singleChannelGuest_isAGuest_evenWithoutTheRestrictedFlag() {
            assertTrue(introduced(user(u -> u.setUltraRestricted(true))).guest());
        }

        @Test
        void stranger_isAGuest() {
            assertTrue(introduced(user(u -> u.setStranger(true))).guest());
        }

        @Test
        void slackConnectUser_fromAnotherWorkspace_isAGuest_andKeepsTheirEmail() {
            Introduction introduction = introduced(user(u -> u.setTeamId("T0PARTNER")));

            assertTrue(introduction.guest());
            assertEquals(Optional.of("ada@example.com"), introduction.email());
        }

        @Test
        void userWithoutATeamId_isNotAGuest_forThatAlone() {
            assertFalse(introduced(user(u -> u.setTeamId(null))).guest());
        }

        @Test
        void enterpriseGridColleague_fromAnotherWorkspaceOfTheSameOrganisation_isNotAGuest() {
            User colleague = user(u -> {
                u.setTeamId("T0SISTER");
                User.EnterpriseUser enterprise = new User.EnterpriseUser();
                enterprise.setEnterpriseId("E0ORG");
                u.setEnterpriseUser(enterprise);
            });

            assertFalse(SlackIntroductions.introduction(colleague, new SlackOrigin(HERE, "E0ORG"), null).guest());
            assertTrue(SlackIntroductions.introduction(colleague, new SlackOrigin(HERE, "E0OTHER"), null).guest());
            assertEquals(List.of("T0SISTER", "E0ORG"), SlackIntroductions.introduction(colleague,
                    new SlackOrigin(HERE, "E0ORG"), null).organisations(),
                    "their own workspace and their organisation: CIMENT_TRUSTED_DOMAINS may name either");
        }

        @Test
        void enterpriseGridUser_whoseTeamIsTheOrganisation_isNotAGuest() {
            assertFalse(SlackIntroductions.introduction(user(u -> u.setTeamId("E0ORG")), new SlackOrigin(HERE, "E0ORG"), null)
                    .guest());
        }

        @Test
        void withoutDisplayName_theRealNameIsUsed_thenTheFallback_thenTheHandle() {
            assertEquals("Ada Lovelace", introduced(user(u -> u.getProfile().setDisplayName(" "))).displayName());
            User nameless = user(u -> {
                u.getProfile().setDisplayName("");
                u.getProfile().setRealName(null);
            });
            assertEquals("ada.l", introduced(nameless).displayName());
            assertEquals("ada.handle", SlackIntroductions.introduction(nameless, FROM_HERE, null).displayName());
        }
    }

    /** Through the Web API client Ciment uses (with its short call timeout), against the fake Slack. */
    @Nested
    class Lookups {
        private final FakeSlackApi slackApi = FakeSlackApi.start(HERE)
                .addUser("U0ADA", "Ada Lovelace", "ada", "ada@example.com")
                .addUser(new FakeSlackApi.User("U0EVE", "Eve Partner", "eve", "eve@partner.example").fromTeam("T0PARTNER"));

        @AfterEach
        void stop() {
            slackApi.close();
        }

        private SlackIntroductions.ForCommand command() {
            SlackConfig config = new SlackConfig();
            config.setMethodsEndpointUrlPrefix(slackApi.baseUrl());
            Slack quick = CimentSlackApp.quick(Slack.getInstance(config));
            return new SlackIntroductions(quick.methods("xoxb-test")).forCommand(FROM_HERE);
        }

        @Test
        void sender_isIntroducedByUsersInfo_onceHoweverOftenAsked() {
            SlackIntroductions.ForCommand command = command();

            Introduction first = command.sender("U0ADA", "ada.l");
            Introduction second = command.sender("U0ADA", "ada.l");

            assertEquals(new Introduction("ada", Optional.of("ada@example.com"), false, List.of(HERE))
                    .speaking(FakeSlackApi.User.ENGLISH_US), first);
            assertEquals(first, second);
            assertEquals(1, slackApi.calls("users.info").size());
        }

        @Test
        void sender_whoseSlackIsInFrench_isIntroducedInFrench_byAskingUsersInfoForTheLocale() {
            slackApi.addUser(new FakeSlackApi.User("U0CAM", "Camille", "camille", "camille@example.com")
                    .speaking("fr-FR"));

            Introduction camille = command().sender("U0CAM", "camille");

            assertEquals(Optional.of("fr-FR"), camille.locale());
            assertEquals("1", slackApi.calls("users.info").get(0).param("include_locale"));
        }

        @Test
        void slackConnectSender_isAGuest() {
            assertTrue(command().sender("U0EVE", "eve").guest());
        }

        @Test
        void slowUsersInfo_isGivenUp_andTheSenderIsRefused_ratherThanGuessedAnEmployee() {
            slackApi.delay("users.info", Duration.ofSeconds(5));

            Refusal refusal = assertThrows(Refusal.class, () -> command().sender("U0EVE", "eve"));
            assertTrue(refusal.sentence().contains("could not check who you are"), refusal.sentence());
            assertEquals(1, slackApi.calls("users.info").size());
        }

        @Test
        void userSlackDoesNotKnow_isRefusedAsSender_andIsNobodyWhenMentioned() {
            assertThrows(Refusal.class, () -> command().sender("U0NEW", "newcomer"));
            assertEquals(Optional.empty(), command().mentioned("U0NEW"));
        }

        @Test
        void mentioned_isIntroducedWithTheirOwnFlags() {
            assertEquals(Optional.of(new Introduction("eve", Optional.of("eve@partner.example"), true,
                    List.of("T0PARTNER")).speaking(FakeSlackApi.User.ENGLISH_US)), command().mentioned("U0EVE"));
        }

        @Test
        void oneCommand_asksSlackOnce_soASecondLookupFindsNothing() {
            SlackIntroductions.ForCommand command = command();
            command.sender("U0ADA", "ada.l");

            assertEquals(Optional.empty(), command.mentioned("U0EVE"));
            assertEquals(List.of("U0ADA"), slackApi.calls("users.info").stream().map(c -> c.param("user")).toList());
        }

        @Test
        void withoutABotToken_slackIsNeverAsked() {
            SlackIntroductions.ForCommand command = SlackIntroductions.NONE.forCommand(FROM_HERE);

            assertEquals(Introduction.named("ada.l"), command.sender("U0ADA", "ada.l"));
            assertEquals(Optional.empty(), command.mentioned("U0EVE"));
            assertEquals(List.of(), slackApi.calls());
        }
    }
}
