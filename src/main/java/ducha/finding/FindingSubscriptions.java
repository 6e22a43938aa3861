package ducha.finding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import ducha.change.ChangeEventView;
import ducha.change.ChangeFeed;
import ducha.unit.UnitRepository;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** The changes of findings as they commit, for the GraphQL subscription, filtered as the lists filter. */
@ApplicationScoped
public class FindingSubscriptions {

    private final ChangeFeed feed;
    private final UnitRepository units;
    private final ObjectMapper json;

    public FindingSubscriptions(ChangeFeed feed, UnitRepository units, ObjectMapper json) {
        this.feed = feed;
        this.units = units;
        this.json = json;
    }

    /** Changes of findings matching the filter, from now on, in commit order; see {@link FindingSql#matches}. */
    public Multi<FindingSubscriptionEvent> changes(FindingFilter filter) {
        return units.scope(filter.unitId()).onItem().transformToMulti(unitIds -> feed.changes()
                .filter(event -> Finding.ENTITY.equals(event.entity()) && event.data() != null)
                .map(event -> new FindingSubscriptionEvent(Long.toString(event.seq()), event.op(), readView(event)))
                .filter(change -> FindingSql.matches(change.finding(), filter, unitIds, Instant.now())));
    }

    private FindingView readView(ChangeEventView event) {
        try {
            return json.treeToValue(event.data(), FindingView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable finding in change event " + event.seq(), e);
        }
    }
}
