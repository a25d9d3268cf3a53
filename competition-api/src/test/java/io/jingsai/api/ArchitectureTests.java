package io.jingsai.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.repository.Repository;

/** The package rules of competition-api: features own their rows, web types stay at the edge, cores stay pure. */
class ArchitectureTests {

    private static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jingsai");

    @Test
    void rowsAndRepositoriesAreUsedOnlyInsideTheirFeature() {
        classes().that().resideInAPackage("io.jingsai.api..")
                .and().areAnnotatedWith(Table.class).or().areAssignableTo(Repository.class)
                .should(beAccessedOnlyFromTheirOwnPackage())
                .andShould().notBePublic()
                .allowEmptyShould(true)
                .check(API);
    }

    @Test
    void servicesKnowNothingOfTheWeb() {
        noClasses().that().resideInAPackage("io.jingsai.api..")
                .and().haveSimpleNameEndingWith("Service")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web..", "org.springframework.http..", "org.springframework.http.server..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Controller")
                .allowEmptyShould(true)
                .check(API);
    }

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        slices().matching("io.jingsai.api.(*)..").should().beFreeOfCycles().check(API);
    }

    @Test
    void scoringEngineAndLeaderboardStayFreeOfSpring() {
        noClasses().that().resideInAnyPackage("io.jingsai.scoring..", "io.jingsai.leaderboard..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.jingsai.api..")
                .allowEmptyShould(true)
                .check(API);
    }

    @Test
    void scoringEngineDoesNotDependOnLeaderboard() {
        noClasses().that().resideInAPackage("io.jingsai.scoring..")
                .should().dependOnClassesThat().resideInAPackage("io.jingsai.leaderboard..")
                .allowEmptyShould(true)
                .check(API);
    }

    private static ArchCondition<JavaClass> beAccessedOnlyFromTheirOwnPackage() {
        return new ArchCondition<>("be accessed only from their own feature package") {
            @Override
            public void check(JavaClass owned, ConditionEvents events) {
                owned.getDirectDependenciesToSelf().stream()
                        .filter(dependency -> !dependency.getOriginClass().getPackageName().equals(owned.getPackageName()))
                        .filter(dependency -> !dependency.getOriginClass().getPackageName().startsWith("org.springframework"))
                        .forEach(dependency -> events.add(SimpleConditionEvent.violated(dependency,
                                dependency.getDescription())));
            }
        };
    }
}
