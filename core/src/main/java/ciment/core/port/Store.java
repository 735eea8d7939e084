package ciment.core.port;

/** Everything Ciment keeps, as one dependency for wiring. */
public interface Store extends Communities, Posts, Conversations, Questions, Links, MessageCopies, People, Notices, PersonalRecords, Seal, Grants, Quotas {
}
