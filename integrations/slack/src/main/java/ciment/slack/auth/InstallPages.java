package ciment.slack.auth;

import com.slack.api.bolt.response.Response;

/** The small HTML pages an installer's browser shows at the end of the OAuth flow: one sentence each. */
final class InstallPages {
    private InstallPages() {
    }

    static Response page(Response response, int status, String sentence) {
        response.setStatusCode(status);
        response.setContentType("text/html; charset=utf-8");
        response.setBody("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Ciment</title></head>"
                + "<body><p>" + escape(sentence) + "</p></body></html>\n");
        return response;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
