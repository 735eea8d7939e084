package ciment.core.reply;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of help: a command's form ("join &lt;slug&gt;"), and what it does, said by the catalogues under
 * {@code key} ("help.join"). In another language the form shows that language's words: the first of
 * {@code command.<word>} for each word of a verb, {@code placeholder.<name>} for each &lt;name&gt; or [name].
 */
public record Usage(String form, String key) {
    private static final Pattern PLACEHOLDER = Pattern.compile("([<\\[])([a-zA-Z-]+)");

    /** The form in the reader's words ("rejoindre &lt;communauté&gt;"); English's is the form as declared. */
    public String form(Catalogue words) {
        List<String> tokens = new ArrayList<>();
        for (String token : form.split(" ")) {
            List<String> parts = new ArrayList<>();
            for (String part : token.split("\\|", -1)) {
                parts.add(words.pattern("command." + part).map(local -> local.split("\\|")[0]).orElse(part));
            }
            Matcher placeholder = PLACEHOLDER.matcher(String.join("|", parts));
            tokens.add(placeholder.replaceAll(found -> Matcher.quoteReplacement(found.group(1)
                    + words.pattern("placeholder." + found.group(2)).orElse(found.group(2)))));
        }
        return String.join(" ", tokens);
    }

    public Message meaningMessage() {
        return Message.of(key);
    }

    /** What it does, in the reader's language. */
    public String meaning(Catalogue words) {
        return words.say(key);
    }

    /** What it does in English, for the adapters that do not say it in the reader's language yet. */
    public String meaning() {
        return meaning(Catalogue.ENGLISH);
    }
}
