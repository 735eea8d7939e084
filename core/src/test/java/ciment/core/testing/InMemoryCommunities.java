package ciment.core.testing;

import static ciment.core.testing.InMemoryTable.key;

import ciment.core.model.Community;
import ciment.core.model.Invitation;
import ciment.core.model.JoinRequest;
import ciment.core.model.Membership;
import ciment.core.model.Role;
import ciment.core.model.Slug;
import ciment.core.port.Communities;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Communities, memberships, requests and invitations in memory, as DynamoCommunities keeps them. */
final class InMemoryCommunities implements Communities {
    private final InMemoryTable table;

    InMemoryCommunities(InMemoryTable table) {
        this.table = table;
    }

    @Override
    public Created create(Community community, Membership firstSteward) {
        synchronized (table) {
            if (table.communities.containsKey(community.slug())) {
                return Created.SLUG_TAKEN;
            }
            table.communities.put(community.slug(), community);
            table.memberships.put(key(community.id(), firstSteward.personId()), firstSteward);
            table.writes++;
            return Created.CREATED;
        }
    }

    @Override
    public Optional<Community> find(Slug slug) {
        synchronized (table) {
            return Optional.ofNullable(table.communities.get(slug));
        }
    }

    @Override
    public Joined join(Membership membership) {
        synchronized (table) {
            Community community = table.communities.get(membership.slug());
            if (community == null) {
                return Joined.NO_SUCH_COMMUNITY;
            }
            if (table.memberships.containsKey(key(membership.communityId(), membership.personId()))) {
                return Joined.ALREADY_MEMBER;
            }
            table.memberships.put(key(membership.communityId(), membership.personId()), membership);
            table.invitations.remove(key(membership.communityId(), membership.personId()));
            table.recount(community, 1, membership.role() == Role.STEWARD ? 1 : 0);
            table.writes++;
            return Joined.JOINED;
        }
    }

    @Override
    public Left leave(String communityId, String personId) {
        synchronized (table) {
            Membership membership = table.memberships.get(key(communityId, personId));
            if (membership == null) {
                return Left.NOT_MEMBER;
            }
            Community community = table.communities.get(membership.slug());
            if (membership.isSteward() && community.stewardCount() <= 1) {
                return Left.LAST_STEWARD;
            }
            table.memberships.remove(key(communityId, personId));
            table.recount(community, -1, membership.isSteward() ? -1 : 0);
            table.writes++;
            return Left.LEFT;
        }
    }

    @Override
    public Optional<Membership> membership(String communityId, String personId) {
        synchronized (table) {
            return Optional.ofNullable(table.memberships.get(key(communityId, personId)));
        }
    }

    @Override
    public List<Membership> membershipsOf(String personId) {
        synchronized (table) {
            return table.memberships.values().stream().filter(m -> m.personId().equals(personId)).toList();
        }
    }

    @Override
    public List<Membership> members(String communityId) {
        synchronized (table) {
            return table.memberships.values().stream().filter(m -> m.communityId().equals(communityId)).toList();
        }
    }

    @Override
    public List<Community> catalog() {
        synchronized (table) {
            return new ArrayList<>(table.communities.values());
        }
    }

    @Override
    public Invited invite(Invitation invitation) {
        synchronized (table) {
            String key = key(invitation.communityId(), invitation.personId());
            if (table.memberships.containsKey(key)) {
                return Invited.ALREADY_MEMBER;
            }
            if (table.invitations.putIfAbsent(key, invitation) != null) {
                return Invited.ALREADY_INVITED;
            }
            table.writes++;
            return Invited.INVITED;
        }
    }

    @Override
    public boolean invited(String communityId, String personId) {
        synchronized (table) {
            return table.invitations.containsKey(key(communityId, personId));
        }
    }

    @Override
    public List<String> invitationsOf(String personId) {
        synchronized (table) {
            return table.invitations.values().stream().filter(i -> i.personId().equals(personId))
                    .map(Invitation::communityId).toList();
        }
    }

    @Override
    public void change(String communityId, Change change) {
        synchronized (table) {
            Community c = table.byId(communityId);
            Community changed = switch (change) {
                case Change.Openness o -> new Community(c.id(), c.slug(), c.name(), c.purpose(), c.tags(), o.open(),
                        c.archived(), c.memberCount(), c.stewardCount(), c.createdBy(), c.createdAt());
                case Change.Tags t -> new Community(c.id(), c.slug(), c.name(), c.purpose(), t.tags(), c.open(),
                        c.archived(), c.memberCount(), c.stewardCount(), c.createdBy(), c.createdAt());
                case Change.Archival a -> new Community(c.id(), c.slug(), c.name(), c.purpose(), c.tags(), c.open(),
                        a.archived(), c.memberCount(), c.stewardCount(), c.createdBy(), c.createdAt());
                case Change.Purpose p -> new Community(c.id(), c.slug(), c.name(), p.purpose(), c.tags(), c.open(),
                        c.archived(), c.memberCount(), c.stewardCount(), c.createdBy(), c.createdAt());
                case Change.WelcomeMessage w -> c.with(c.welcome().withMessage(w.message()));
                case Change.Guidelines g -> c.with(c.welcome().withGuidelines(g.guidelines()));
            };
            table.communities.put(c.slug(), changed.with(change instanceof Change.WelcomeMessage
                    || change instanceof Change.Guidelines ? changed.welcome() : c.welcome()));
            table.writes++;
        }
    }

    @Override
    public List<String> stewards(String communityId) {
        synchronized (table) {
            return table.memberships.values().stream()
                    .filter(m -> m.communityId().equals(communityId) && m.isSteward())
                    .map(Membership::personId)
                    .toList();
        }
    }

    @Override
    public Requested request(JoinRequest request) {
        synchronized (table) {
            String key = key(request.communityId(), request.personId());
            if (table.memberships.containsKey(key)) {
                return Requested.ALREADY_MEMBER;
            }
            if (table.requests.putIfAbsent(key, request) != null) {
                return Requested.ALREADY_FILED;
            }
            table.writes++;
            return Requested.FILED;
        }
    }

    @Override
    public List<JoinRequest> requests(String communityId) {
        synchronized (table) {
            return table.requests.values().stream().filter(r -> r.communityId().equals(communityId)).toList();
        }
    }

    @Override
    public Optional<JoinRequest> pendingRequest(String communityId, String personId) {
        synchronized (table) {
            return Optional.ofNullable(table.requests.get(key(communityId, personId)));
        }
    }

    @Override
    public Decided decide(String communityId, String personId, boolean approve, Membership membership) {
        synchronized (table) {
            if (table.requests.remove(key(communityId, personId)) == null) {
                return Decided.NO_REQUEST;
            }
            table.writes++;
            if (approve) {
                // Someone who joined meanwhile (the community was open for a while) is not counted twice.
                if (table.memberships.putIfAbsent(key(communityId, personId), membership) == null) {
                    table.recount(table.byId(communityId), 1, 0);
                }
                return Decided.APPROVED;
            }
            return Decided.DECLINED;
        }
    }

    @Override
    public RoleChanged setRole(String communityId, String personId, Role role) {
        synchronized (table) {
            Membership m = table.memberships.get(key(communityId, personId));
            if (m == null) {
                return RoleChanged.NOT_MEMBER;
            }
            if (m.role() == role) {
                return RoleChanged.ALREADY;
            }
            Community c = table.byId(communityId);
            if (role == Role.MEMBER && c.stewardCount() <= 1) {
                return RoleChanged.LAST_STEWARD;
            }
            table.memberships.put(key(communityId, personId), new Membership(communityId, m.slug(), personId, role, m.since()));
            table.recount(c, 0, role == Role.STEWARD ? 1 : -1);
            table.writes++;
            return RoleChanged.CHANGED;
        }
    }
}
