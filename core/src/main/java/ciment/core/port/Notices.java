package ciment.core.port;

import ciment.core.model.Notice;

/** The outbox: notices written here are delivered by the delivery functions, once each. */
public interface Notices {
    void send(Notice notice);
}
