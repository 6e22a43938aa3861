package ducha.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import ducha.attachment.AttachmentRepository;
import ducha.attachment.AttachmentView;
import ducha.common.Hashes;
import ducha.common.InvalidInputException;
import ducha.common.HqlFilter;
import ducha.finding.FindingRepository;
import ducha.finding.FindingView;
import ducha.inspection.InspectionRepository;
import ducha.inspection.InspectionView;
import ducha.campaign.CampaignRepository;
import ducha.campaign.CampaignView;
import ducha.notice.NoticeRepository;
import ducha.notice.NoticeView;
import ducha.site.SiteRepository;
import ducha.site.SiteView;
import ducha.unit.UnitRepository;
import ducha.unit.UnitView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Delta sync for offline clients: a first sync copies the tables (the snapshot phase), then every later change
 * comes from the change log in commit order (the log phase). docs/sync.md gives the argument why no committed
 * change is ever skipped or delivered twice.
 */
@ApplicationScoped
public class SyncService {

    /**
     * Snapshot order: referenced rows before the rows that refer to them (inspections and findings may name a
     * campaign). Campaigns came in at index 2: a snapshot cursor issued before then, at index k >= 2, now resumes one
     * entity earlier (one already copied: repeated upserts, nothing lost), and every campaign was created after its
     * watermark, so the log brings them.
     */
    static final List<String> ENTITIES = List.of("unit", "site", "campaign", "inspection", "finding", "notice",
            "attachment");
    /** Change events a log page looks at, matching the filters or not, so a page costs a bounded scan. */
    private static final int MAX_SCAN = 2000;

    private final Pool pool;
    private final ObjectMapper json;
    private final UnitRepository units;
    private final SiteRepository sites;
    private final InspectionRepository inspections;
    private final FindingRepository findings;
    private final NoticeRepository notices;
    private final AttachmentRepository attachments;
    private final CampaignRepository campaigns;

    public SyncService(Pool pool, ObjectMapper json, UnitRepository units, SiteRepository sites,
            InspectionRepository inspections, FindingRepository findings, NoticeRepository notices,
            AttachmentRepository attachments, CampaignRepository campaigns) {
        this.pool = pool;
        this.json = json;
        this.units = units;
        this.sites = sites;
        this.inspections = inspections;
        this.findings = findings;
        this.notices = notices;
        this.attachments = attachments;
        this.campaigns = campaigns;
    }

    /** The unit filter resolved to the unit and its sub-units (null: any unit). */
    private record Scope(Set<UUID> unitIds, String district) {
    }

    @WithSession
    public Uni<SyncPage> page(SyncFilter filter, String since, int limit) {
        String filterTag = filterTag(filter);
        SyncCursor cursor = since == null ? null : SyncCursor.decode(since, filterTag, ENTITIES.size());
        return units.scope(filter.unitId()).map(ids -> {
            if (ids != null && ids.isEmpty()) {
                throw new InvalidInputException("unitId", "names no unit");
            }
            return new Scope(ids, filter.district());
        }).chain(scope -> {
            if (cursor == null) {
                return watermark().chain(w -> snapshot(scope, new SyncCursor.Snapshot(filterTag, w, 0, null), limit));
            }
            if (cursor instanceof SyncCursor.Snapshot snapshot) {
                return snapshot(scope, snapshot, limit);
            }
            return log(scope, (SyncCursor.Log) cursor, limit);
        });
    }

    /** The oldest transaction still running: every transaction below it has committed or aborted. */
    private Uni<Long> watermark() {
        return pool.query("select pg_snapshot_xmin(pg_current_snapshot())::text as xmin").execute()
                .map(rows -> Long.parseLong(rows.iterator().next().getString("xmin")));
    }

    // ---------------------------------------------------------------- snapshot phase

    private Uni<SyncPage> snapshot(Scope scope, SyncCursor.Snapshot from, int limit) {
        return fillSnapshot(scope, from, limit, new ArrayList<>());
    }

    /** Copies rows entity by entity until the page is full; after the last entity the log phase begins. */
    private Uni<SyncPage> fillSnapshot(Scope scope, SyncCursor.Snapshot at, int limit, List<SyncChange> items) {
        if (at.entity() == ENTITIES.size()) {
            // Every event of a transaction that may not be in the copy (tx >= watermark) comes from the log.
            String next = SyncCursor.encode(new SyncCursor.Log(at.filterTag(), at.watermark(), 0));
            return Uni.createFrom().item(new SyncPage(List.copyOf(items), next, true));
        }
        int wanted = limit - items.size();
        if (wanted == 0) {
            return Uni.createFrom().item(new SyncPage(List.copyOf(items), SyncCursor.encode(at), true));
        }
        return rows(ENTITIES.get(at.entity()), scope, at.after(), wanted + 1).chain(rows -> {
            if (rows.size() > wanted) {
                items.addAll(rows.subList(0, wanted));
                SyncCursor next = new SyncCursor.Snapshot(at.filterTag(), at.watermark(), at.entity(),
                        rows.get(wanted - 1).id());
                return Uni.createFrom().item(new SyncPage(List.copyOf(items), SyncCursor.encode(next), true));
            }
            items.addAll(rows);
            return fillSnapshot(scope, new SyncCursor.Snapshot(at.filterTag(), at.watermark(), at.entity() + 1, null),
                    limit, items);
        });
    }

    /** Up to {@code max} rows of one entity after the id {@code after}, in id order, as upserts. */
    private Uni<List<SyncChange>> rows(String entity, Scope scope, UUID after, int max) {
        HqlFilter query = new HqlFilter().where("id > :after", "after", after);
        String siteInDistrict = "siteId in (select s.id from Site s where s.district = :district)";
        switch (entity) {
            case "unit" -> {
                query.where("id in :unitIds", "unitIds", scope.unitIds()).where("district = :district", "district",
                        scope.district());
                return units.find(query.hql(), Sort.by("id"), query.parameters()).range(0, max - 1).list()
                        .map(list -> list.stream().map(u -> upsert(entity, u.id, u.version, UnitView.of(u))).toList());
            }
            case "site" -> {
                query.where("district = :district", "district", scope.district());
                return sites.find(query.hql(), Sort.by("id"), query.parameters()).range(0, max - 1).list()
                        .map(list -> list.stream().map(s -> upsert(entity, s.id, s.version, SiteView.of(s))).toList());
            }
            case "inspection" -> {
                query.where("unitId in :unitIds", "unitIds", scope.unitIds())
                        .where(siteInDistrict, "district", scope.district());
                return inspections.find(query.hql(), Sort.by("id"), query.parameters()).range(0, max - 1).list()
                        .map(list -> list.stream()
                                .map(i -> upsert(entity, i.id, i.version, InspectionView.of(i))).toList());
            }
            case "finding" -> {
                query.where("unitId in :unitIds", "unitIds", scope.unitIds())
                        .where(siteInDistrict, "district", scope.district());
                return findings.find(query.hql(), Sort.by("id"), query.parameters()).range(0, max - 1).list()
                        .map(list -> list.stream().map(f -> upsert(entity, f.id, f.version, FindingView.of(f))).toList());
            }
            case "notice" -> {
                query.where("unitId in :unitIds", "unitIds", scope.unitIds())
                        .where("(unitId in (select u.id from Unit u where u.district = :district) or " + siteInDistrict
                                + ")", "district", scope.district());
                return notices.find(query.hql(), Sort.by("id"), query.parameters()).range(0, max - 1).list()
                        .chain(list -> notices.citedFindings(list.stream().map(n -> n.id).toList())
                                .map(cited -> list.stream().map(n -> upsert(entity, n.id, n.version,
                                        NoticeView.of(n, cited.getOrDefault(n.id, List.of())))).toList()));
            }
            case "campaign" -> {
                // Every campaign, like every site: the app names one on an inspection, whichever unit runs it.
                return campaigns.find(query.hql(), Sort.by("id"), query.parameters()).range(0, max - 1).list()
                        .map(list -> list.stream().map(c -> upsert(entity, c.id, c.version, CampaignView.of(c))).toList());
            }
            default -> {
                query.where("findingId in (select f.id from Finding f where f.unitId in :unitIds)", "unitIds",
                                scope.unitIds())
                        .where("findingId in (select f.id from Finding f where f." + siteInDistrict + ")", "district",
                                scope.district());
                return attachments.find(query.hql(), Sort.by("id"), query.parameters()).range(0, max - 1).list()
                        .map(list -> list.stream()
                                .map(a -> upsert(entity, a.id, a.version, AttachmentView.of(a))).toList());
            }
        }
    }

    private SyncChange upsert(String entity, UUID id, Long version, Object view) {
        try {
            return new SyncChange(entity, id, SyncOp.UPSERT, version, json.writeValueAsString(view));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a " + entity, e);
        }
    }

    // ---------------------------------------------------------------- log phase

    /**
     * The change events after the cursor whose transaction is below the watermark of this very statement's
     * snapshot, in (tx, seq) order. The filters only decide which of the scanned events are returned; the
     * cursor moves past every scanned one, so a filtered sync does not scan the same events again.
     */
    private Uni<SyncPage> log(Scope scope, SyncCursor.Log from, int limit) {
        UUID[] unitIds = scope.unitIds() == null ? null : scope.unitIds().toArray(UUID[]::new);
        return pool.preparedQuery("""
                with scanned as (
                    select seq, tx, entity, entity_id, op, version, data
                    from change_event
                    where (tx, seq) > ($1::text::xid8, $2) and tx < pg_snapshot_xmin(pg_current_snapshot())
                    order by tx, seq
                    limit $5
                ), visible as (
                    select scanned.*,
                        ($3::uuid[] is null or case entity
                            when 'unit' then entity_id = any($3)
                            when 'site' then true
                            when 'campaign' then true
                            when 'attachment' then exists (select 1 from finding f
                                where f.id = (data->>'findingId')::uuid and f.unit_id = any($3))
                            else (data->>'unitId')::uuid = any($3) end)
                        and ($4::text is null or case entity
                            when 'unit' then data->>'district' = $4
                            when 'site' then data->>'district' = $4
                            when 'campaign' then true
                            when 'notice' then (data->>'unitId')::uuid in (select id from unit where district = $4)
                                or (data->>'siteId')::uuid in (select id from site where district = $4)
                            when 'attachment' then exists (select 1 from finding f join site s on s.id = f.site_id
                                where f.id = (data->>'findingId')::uuid and s.district = $4)
                            else (data->>'siteId')::uuid in (select id from site where district = $4) end) as shown
                    from scanned
                ), numbered as (
                    select visible.*, count(*) filter (where shown) over (order by tx, seq) as shown_so_far,
                        count(*) over () as scanned_count
                    from visible
                )
                -- Up to the page's last shown event, the hidden ones after it, and one more shown event (if any)
                -- that only says there is more.
                select seq, tx::text as tx, entity, entity_id, op, version, shown, scanned_count,
                       case when shown and op <> 'DELETE' then data::text end as data
                from numbered where shown_so_far <= $6 or (shown_so_far = $6 + 1 and shown)
                order by tx, seq""")
                .execute(Tuple.tuple().addString(Long.toString(from.tx())).addLong(from.seq())
                        .addValue(unitIds).addString(scope.district()).addInteger(MAX_SCAN).addInteger(limit))
                .map(rows -> {
                    List<SyncChange> items = new ArrayList<>();
                    long tx = from.tx();
                    long seq = from.seq();
                    boolean full = false;
                    long scannedCount = 0;
                    for (Row row : rows) {
                        boolean shown = Boolean.TRUE.equals(row.getBoolean("shown"));
                        if (shown && items.size() == limit) {
                            full = true;
                            break;
                        }
                        scannedCount = row.getLong("scanned_count");
                        tx = Long.parseLong(row.getString("tx"));
                        seq = row.getLong("seq");
                        if (shown) {
                            items.add(toChange(row));
                        }
                    }
                    // A scan that hit its bound may have stopped short of newer events.
                    boolean more = full || scannedCount == MAX_SCAN;
                    String next = SyncCursor.encode(new SyncCursor.Log(from.filterTag(), tx, seq));
                    return new SyncPage(items, next, more);
                });
    }

    private static SyncChange toChange(Row row) {
        boolean deleted = "DELETE".equals(row.getString("op"));
        return new SyncChange(row.getString("entity"), row.getUUID("entity_id"),
                deleted ? SyncOp.DELETE : SyncOp.UPSERT, row.getLong("version"), deleted ? null : row.getString("data"));
    }

    private static String filterTag(SyncFilter filter) {
        String key = filter.unitId() + "\u001f" + filter.district();
        return Hashes.sha256Hex(key).substring(0, 12);
    }
}
