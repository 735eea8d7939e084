package ciment.core.port;

import ciment.core.model.Grant;
import java.util.List;
import java.util.Set;

/** Roles granted by an admin (those named at deployment come from configuration, not from here). */
public interface Grants {

    Set<Grant> grantsOf(String personId);

    /** False when the person had it already (nothing written). */
    boolean grant(String personId, Grant grant);

    /** The ids of the people granted this role, for those who must be told (budget alerts go to finance). */
    List<String> holders(Grant grant);
}
