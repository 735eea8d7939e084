package ciment.slack.auth;

import ciment.core.i18n.Catalogue;
import com.slack.api.bolt.response.Response;

/** The small HTML pages an installer's browser shows at the end of the OAuth flow: one sentence each. */
final class InstallPages {
    private InstallPages() {
    }

    /** @param words the language the sentence is in, said to the browser */
    static Response page(Response response, int status, String sentence, Catalogue words) {
        response.setStatusCode(status);
        response.setContentType("text/html; charset=utf-8");
        response.setBody("<!DOCTYPE html>\n<html lang=\"" + words.language().code() + "\">"
                + "<head><meta charset=\"utf-8\"><title>Ciment</title></head>"
                + "<body><p>" + escape(sentence) + "</p></body></html>\n");
        return response;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
