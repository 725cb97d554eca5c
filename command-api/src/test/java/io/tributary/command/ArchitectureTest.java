package io.tributary.command;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.tributary.command.product.Product;
import io.tributary.command.product.StockCommands;
import io.tributary.command.user.User;
import org.axonframework.modelling.command.Repository;
import org.axonframework.spring.stereotype.Aggregate;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The command side's structure: features (user, product, order) are independent except where placing an order
 * must read the user and the products it names, HTTP stays at the edge, and controllers only send commands.
 */
@AnalyzeClasses(packages = "io.tributary.command", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String USER = "io.tributary.command.user..";
    private static final String PRODUCT = "io.tributary.command.product..";
    private static final String ORDER = "io.tributary.command.order..";

    @ArchTest
    static final ArchRule usersKnowNoOtherFeature = noClasses().that().resideInAPackage(USER)
            .should().dependOnClassesThat().resideInAnyPackage(PRODUCT, ORDER);

    @ArchTest
    static final ArchRule productsKnowNoOtherFeature = noClasses().that().resideInAPackage(PRODUCT)
            .should().dependOnClassesThat().resideInAnyPackage(USER, ORDER);

    /**
     * An order is priced and allowed in the command's own unit of work, so its handler loads the User and Product
     * aggregates and asks them (is the user active, what does the product cost now); its saga sends the stock
     * commands. Nothing else of those features: not their handlers, requests, controllers or internal commands.
     */
    @ArchTest
    static final ArchRule ordersReadOnlyTheUserAndProductAggregatesAndSendStockCommands = classes()
            .that().resideInAPackage(ORDER)
            .should().onlyDependOnClassesThat(not(resideInAnyPackage(USER, PRODUCT))
                    .or(belongToAnyOf(User.class, Product.class, StockCommands.class)));

    @ArchTest
    static final ArchRule webTypesStayInControllersAndTheHttpEdge = noClasses()
            .that().resideOutsideOfPackages("..http..", "..idempotency..", "..tracing..")
            .and().haveSimpleNameNotEndingWith("Controller")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..");

    /**
     * Who asks reaches the domain as a plain Requester built by the controllers: tokens, callers and the security
     * framework stay at the HTTP edge, so the ownership rules are tested without them.
     */
    @ArchTest
    static final ArchRule securityTypesStayAtTheHttpEdge = noClasses()
            .that().resideOutsideOfPackages("..http..", "..idempotency..")
            .and().haveSimpleNameNotEndingWith("Controller")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.security..", "io.tributary.http.security..");

    @ArchTest
    static final ArchRule controllersSendCommandsAndNeverLoadAggregates = noClasses()
            .that().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat().areAssignableTo(Repository.class)
            .orShould().dependOnClassesThat().areAnnotatedWith(Aggregate.class);

    @ArchTest
    static final ArchRule theRelayPublishesEveryEventWithoutKnowingAnyFeature = noClasses()
            .that().resideInAPackage("..relay..")
            .should().dependOnClassesThat().resideInAnyPackage(USER, PRODUCT, ORDER);
}
