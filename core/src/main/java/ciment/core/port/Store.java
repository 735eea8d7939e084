package ciment.core.port;

/** Everything Ciment keeps, as one dependency for wiring. */
public interface Store extends Communities, Posts, Conversations, Questions, People, Notices, PersonalRecords, Seal {
}
