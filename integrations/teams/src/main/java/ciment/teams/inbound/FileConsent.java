package ciment.teams.inbound;

import ciment.core.Ciment;
import ciment.core.i18n.Catalogue;
import ciment.core.model.Caller;
import ciment.core.privacy.PersonalData;
import ciment.teams.outbound.TeamsDataFile;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.teams.FileConsentCardResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The answer to export-my-data's file consent card ({@link TeamsDataFile}): the file sent, or not. */
record FileConsent(Ciment ciment, TeamsCallers callers, Clock clock) {
    private static final Logger LOG = LoggerFactory.getLogger(FileConsent.class);

    /**
     * export-my-data's file accepted: the data is collected now, PUT to the upload URL Teams gave (in the
     * person's OneDrive), then shown in the chat as a file card. The invoke is answered 200 whatever
     * happens; the person is told when there was nothing to send or Teams did not take it.
     */
    CompletableFuture<Void> accepted(TurnContext turnContext, FileConsentCardResponse response) {
        Caller caller = callers.caller(turnContext.getActivity());
        Catalogue words = ciment.words(caller);
        if (!TeamsDataFile.isOurs(response.getContext()) || response.getUploadInfo() == null) {
            return say(turnContext, words.say("teams.file.notOurs"));
        }
        Optional<PersonalData> data = ciment.personalData(caller.account());
        if (data.isEmpty()) {
            return say(turnContext, words.say("teams.file.nothingHeld"));
        }
        try {
            TeamsDataFile.upload(response.getUploadInfo().getUploadUrl(), TeamsDataFile.render(data.get(), clock.instant()));
        } catch (IOException | IllegalArgumentException failed) {
            LOG.warn("Upload of a data file for activity {} failed: {}", turnContext.getActivity().getId(), failed.toString());
            return say(turnContext, words.say("teams.file.notTaken"));
        }
        return turnContext.sendActivity(MessageFactory.attachment(TeamsDataFile.infoCard(response.getUploadInfo())))
                .thenApply(sent -> null);
    }

    /** export-my-data's file declined: nothing is sent, and the person is told so. */
    CompletableFuture<Void> declined(TurnContext turnContext) {
        return say(turnContext, ciment.words(callers.caller(turnContext.getActivity())).say("teams.file.declined"));
    }

    private static CompletableFuture<Void> say(TurnContext turnContext, String sentence) {
        return turnContext.sendActivity(MessageFactory.text(sentence)).thenApply(sent -> null);
    }
}
