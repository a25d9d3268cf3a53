package io.jingsai.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;
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
                .check(API);
    }

    @Test
    void servicesKnowNothingOfTheWeb() {
        noClasses().that().resideInAPackage("io.jingsai.api..")
                .and().haveSimpleNameEndingWith("Service")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web..", "org.springframework.http..", "org.springframework.http.server..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Controller")
                .check(API);
    }

    /**
     * Waiting for a publisher ({@code block}, {@code toFuture().join()} and the like) would stall an event-loop thread
     * and with it every request on that loop. Only a start-up command may wait: it runs on the process's main thread
     * before any request is served.
     */
    @Test
    void onlyStartUpCommandsWaitForAPublisher() {
        noClasses().that().resideInAPackage("io.jingsai.api..")
                .and().doNotImplement(ApplicationRunner.class)
                .should().callMethodWhere(waitsForAPublisher())
                .check(API);
    }

    private static DescribedPredicate<JavaMethodCall> waitsForAPublisher() {
        return DescribedPredicate.describe("waits for a publisher", call -> {
            String owner = call.getTargetOwner().getName();
            String name = call.getName();
            boolean publisher = owner.startsWith("reactor.core.publisher.");
            return publisher && (name.startsWith("block") || name.equals("toStream") || name.equals("toIterable"))
                    || owner.equals(CompletableFuture.class.getName()) && (name.equals("join") || name.equals("get"));
        });
    }

    /**
     * The rules above name packages; ArchUnit fails a rule that matches no class, but a rule still passes if only
     * some of the packages it is meant for were renamed away. These are the packages the rules are written for.
     */
    @Test
    void thePackagesTheRulesNameExist() {
        Set<String> packages = API.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
        for (String named : List.of("io.jingsai.scoring", "io.jingsai.leaderboard", "io.jingsai.api.bulk",
                "io.jingsai.api.contestant", "io.jingsai.api.enterprise", "io.jingsai.api.event", "io.jingsai.api.judge",
                "io.jingsai.api.programme", "io.jingsai.api.reference", "io.jingsai.api.registration",
                "io.jingsai.api.team", "io.jingsai.api.trade", "io.jingsai.api.web")) {
            assertThat(packages).as("classes in " + named)
                    .anyMatch(p -> p.equals(named) || p.startsWith(named + "."));
        }
        assertThat(API.stream().filter(c -> c.getSimpleName().endsWith("Service")))
                .as("services the web rule checks").hasSizeGreaterThanOrEqualTo(8);
        assertThat(API.stream().filter(c -> c.isAnnotatedWith(Table.class)))
                .as("rows the ownership rule checks").hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        slices().matching("io.jingsai.api.(*)..").should().beFreeOfCycles().check(API);
    }

    @Test
    void scoringEngineAndLeaderboardStayFreeOfSpring() {
        noClasses().that().resideInAnyPackage("io.jingsai.scoring..", "io.jingsai.leaderboard..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.jingsai.api..")
                .check(API);
    }

    @Test
    void scoringEngineDoesNotDependOnLeaderboard() {
        noClasses().that().resideInAPackage("io.jingsai.scoring..")
                .should().dependOnClassesThat().resideInAPackage("io.jingsai.leaderboard..")
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
