package io.jingsai.api.programme;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import io.jingsai.api.shared.NotFoundException;
import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Stored allocations of the incentive fund: each computed exactly as {@code POST …/fund-allocation} computes it
 * ({@link FundService}), from the published results of one repeatable-read snapshot, stored under the programme's
 * next number with the request, who and when, and shown with who gains and loses how much since the one before
 * ({@link FundChanges}): after a correction, that is what the correction moved.
 */
@Service
class FundAllocations {

    /** Two allocations of one programme stored at once: the later one is tried again with a fresh snapshot. */
    private static final Retry CONTENDED = Retry.backoff(10, Duration.ofMillis(10))
            .maxBackoff(Duration.ofMillis(500))
            .filter(failure -> Contention.isSerializationFailure(failure)
                    || Contention.isUniqueViolation(failure));

    private final FundService fund;
    private final FundAllocationStore store;
    private final ProgrammeService programmes;
    private final TransactionalOperator repeatableRead;
    private final Clock clock;

    FundAllocations(FundService fund, FundAllocationStore store, ProgrammeService programmes,
                    ReactiveTransactionManager transactions, Clock clock) {
        this.fund = fund;
        this.store = store;
        this.programmes = programmes;
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.repeatableRead = TransactionalOperator.create(transactions, definition);
        this.clock = clock;
    }

    /** Allocates from the published results now and stores it; answers it with its changes since the previous. */
    Mono<StoredFundAllocationView> allocate(long programmeId, FundAllocationCommand command, String actor) {
        return Mono.defer(() -> repeatableRead.transactional(fund.compute(programmeId, command)
                                .flatMap(allocation -> store.add(command, allocation, actor, clock.instant()))
                                .flatMap(number -> view(programmeId, number))))
                .retryWhen(CONTENDED);
    }

    /** One stored allocation with its changes since the previous; 404 if the programme has no such allocation. */
    Mono<StoredFundAllocationView> find(long programmeId, int number) {
        return programmes.load(programmeId).then(view(programmeId, number));
    }

    Mono<PageView<FundAllocationSummary>> list(long programmeId, PageQuery page) {
        return programmes.load(programmeId).then(store.list(programmeId, page));
    }

    private Mono<StoredFundAllocationView> view(long programmeId, int number) {
        return load(programmeId, number).flatMap(stored -> (number == 1 ? Mono.<FundChanges>empty()
                        : load(programmeId, number - 1).map(previous -> FundChanges.between(previous.number(),
                                previous.allocation().fundFen(), previous.allocation().tiers(),
                                stored.allocation().fundFen(), stored.allocation().tiers())))
                .map(changes -> view(stored, changes))
                .defaultIfEmpty(view(stored, null)));
    }

    private Mono<FundAllocationStore.Stored> load(long programmeId, int number) {
        return store.find(programmeId, number).switchIfEmpty(Mono.error(() ->
                NotFoundException.because("notFound.fundAllocation", number, programmeId)));
    }

    private static StoredFundAllocationView view(FundAllocationStore.Stored stored, FundChanges changes) {
        FundAllocationView allocation = stored.allocation();
        return new StoredFundAllocationView(stored.programmeId(), stored.number(), stored.request(),
                allocation.fundFen(), allocation.allocatedFen(), allocation.starEvents(), allocation.tiers(),
                stored.allocatedAt(), stored.allocatedBy(), changes);
    }
}
