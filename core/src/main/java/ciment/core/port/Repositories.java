package ciment.core.port;

/**
 * One repository per port, as the wiring made them (DynamoDB in the functions, in memory in core's tests): the
 * one value handed to {@code Ciment}, which gives each use case the ports it uses.
 */
public record Repositories(Communities communities, Posts posts, Conversations conversations, Questions questions,
        Links links, MessageCopies messageCopies, People people, Notices notices, PersonalRecords personalRecords,
        Seal seal, Grants grants, Quotas quotas, Follows follows,
        Digests digests, Announcements announcements) {
}
