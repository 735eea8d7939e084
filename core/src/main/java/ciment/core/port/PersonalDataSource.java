package ciment.core.port;

import ciment.core.privacy.PersonalData;
import java.util.Optional;

/** Where a delivery function reads the data it sends a person who asked for their file (export-my-data). */
@FunctionalInterface
public interface PersonalDataSource {

    /**
     * Everything held about the person with this id and the people merged into them; empty when there is
     * no such person (erased, or never met).
     */
    Optional<PersonalData> personalData(String personId);
}
