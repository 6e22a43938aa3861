package ducha.campaign;

import ducha.change.ChangeLog;
import ducha.change.ChangeOp;
import ducha.common.Batches;
import ducha.common.ConflictException;
import ducha.common.Cursors;
import ducha.common.ExpectedVersions;
import ducha.common.FieldError;
import ducha.common.InvalidInputException;
import ducha.common.Page;
import ducha.common.PageRequest;
import ducha.common.ResourceNotFoundException;
import ducha.common.SqlFilter;
import ducha.common.Texts;
import ducha.common.Times;
import ducha.common.Versions;
import ducha.security.CurrentUser;
import ducha.security.UnitAccess;
import ducha.unit.UnitRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rules of campaigns: who manages them (admins, and inspectors of the owning unit or a unit above it: the unit
 * rule of {@link UnitAccess}), the period, and the targets (by list or by rule, resolved when added). Every write
 * appends a change event (entity {@code campaign}) in its transaction, so sync and webhooks see it.
 */
@ApplicationScoped
public class CampaignService {

    public static final String ENTITY = "campaign";
    /** A drive is weeks or months; a year bounds the by-day breakdown of its coverage. */
    static final Duration LONGEST = Duration.ofDays(366);
    private static final String COLUMNS = "c.id, c.code, c.name, c.description, c.unit_id, c.starts_at, c.ends_at, "
            + "c.created_by, c.version, c.created_at, c.updated_at";

    private final CampaignRepository campaigns;
    private final UnitRepository units;
    private final UnitAccess access;
    private final CurrentUser user;
    private final ChangeLog changes;
    private final Pool pool;

    public CampaignService(CampaignRepository campaigns, UnitRepository units, UnitAccess access, CurrentUser user,
            ChangeLog changes, Pool pool) {
        this.campaigns = campaigns;
        this.units = units;
        this.access = access;
        this.user = user;
        this.changes = changes;
        this.pool = pool;
    }

    /** The campaign, or null when there is none. */
    public Uni<CampaignView> find(UUID id) {
        return pool.preparedQuery("select " + COLUMNS + " from campaign c where c.id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : view(rows.iterator().next()));
    }

    public Uni<CampaignView> get(UUID id) {
        return find(id).onItem().ifNull().failWith(() -> new ResourceNotFoundException(ENTITY, id));
    }

    /** The campaigns of the given ids, in their order (null where none), in one query. */
    public Uni<List<CampaignView>> byIds(List<UUID> ids) {
        return pool.preparedQuery("select " + COLUMNS + " from campaign c where c.id = any($1)")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(Batches.distinct(ids).toArray(UUID[]::new)))
                .map(rows -> {
                    List<CampaignView> found = new ArrayList<>();
                    rows.forEach(row -> found.add(view(row)));
                    return Batches.one(ids, found, CampaignView::id);
                });
    }

    /** Campaigns newest first (startsAt desc, id desc). */
    public Uni<Page<CampaignView>> list(CampaignFilter filter, PageRequest page) {
        Cursors.TimeKey after = page.cursor() == null ? null : Cursors.timeKey(page.cursor());
        SqlFilter sql = new SqlFilter();
        if (filter.participantId() != null) {
            // Campaigns the unit takes part in: those of the unit itself or of a unit above it.
            sql.where("c.unit_id in (select ancestor_id from unit_closure where unit_id = ?)", filter.participantId());
        }
        if (filter.activeAt() != null) {
            String at = sql.param(filter.activeAt().atOffset(ZoneOffset.UTC));
            sql.where("c.starts_at <= " + at + " and " + at + " < c.ends_at");
        }
        sql.after(after, "c.starts_at", "c.id");
        String limit = sql.param(page.limit() + 1);
        return pool.preparedQuery("select " + COLUMNS + " from campaign c where " + sql.sql()
                        + " order by c.starts_at desc, c.id desc limit " + limit)
                .execute(sql.tuple())
                .map(rows -> {
                    List<CampaignView> found = new ArrayList<>();
                    rows.forEach(row -> found.add(view(row)));
                    return Page.of(found, page.limit(), c -> Cursors.ofTime(c.startsAt().toInstant(), c.id()));
                });
    }

    /** A retry of an earlier create with the same client id and fields answers the campaign it made. */
    @WithTransaction
    public Uni<CampaignView> create(@Valid @NotNull CampaignInput input, boolean onlyIfAbsent) {
        return changes.earlierCreate(ENTITY, input.id(), input, onlyIfAbsent, campaigns::findById)
                .chain(earlier -> earlier != null ? Uni.createFrom().item(CampaignView.of(earlier)) : insert(input));
    }

    private Uni<CampaignView> insert(CampaignInput input) {
        Campaign campaign = new Campaign();
        campaign.id = input.id() != null ? input.id() : UUID.randomUUID();
        campaign.createdBy = user.subject();
        return checkInput(input)
                .chain(() -> access.requireWriteAccess(input.unitId()))
                .invoke(() -> apply(campaign, input))
                .chain(() -> campaigns.persistAndFlush(campaign))
                .call(saved -> changes.record(ENTITY, saved.id, ChangeOp.CREATE, saved.version, CampaignView.of(saved),
                        null))
                .map(CampaignView::of);
    }

    /** Moving a campaign to another unit needs the right to manage it at both units. */
    @WithTransaction
    public Uni<CampaignView> update(UUID id, ExpectedVersions expectedVersion, @Valid @NotNull CampaignInput input) {
        if (input.id() != null && !input.id().equals(id)) {
            return Uni.createFrom().failure(new InvalidInputException("id", "must match the campaign being changed"));
        }
        return require(id)
                .call(campaign -> access.requireWriteAccess(campaign.unitId))
                .invoke(campaign -> Versions.check(ENTITY, id, expectedVersion, campaign.version))
                .call(() -> checkInput(input))
                .call(() -> access.requireWriteAccess(input.unitId()))
                .invoke(campaign -> {
                    apply(campaign, input);
                    campaign.touch();
                })
                .call(campaigns::flush)
                .call(campaign -> changes.record(ENTITY, id, ChangeOp.UPDATE, campaign.version,
                        CampaignView.of(campaign), null))
                .map(CampaignView::of);
    }

    /** Only a campaign no inspection or finding names can go (its targets go with it). */
    @WithTransaction
    public Uni<Void> delete(UUID id, ExpectedVersions expectedVersion) {
        return require(id)
                .call(campaign -> access.requireWriteAccess(campaign.unitId))
                .invoke(campaign -> Versions.check(ENTITY, id, expectedVersion, campaign.version))
                .call(campaign -> campaigns.getSession().chain(session -> session.createNativeQuery("""
                                select case
                                    when exists(select 1 from inspection where campaign_id = :id) then 'inspections'
                                    when exists(select 1 from finding where campaign_id = :id) then 'findings'
                                end""", String.class)
                        .setParameter("id", id)
                        .getSingleResult())
                        .invoke(what -> {
                            if (what != null) {
                                throw new ConflictException("Campaign " + campaign.code + " is named by " + what
                                        + "; it cannot be deleted.");
                            }
                        }))
                .call(campaign -> campaigns.delete(campaign).call(campaigns::flush))
                .call(campaign -> changes.record(ENTITY, id, ChangeOp.DELETE, campaign.version,
                        CampaignView.of(campaign), null))
                .replaceWithVoid();
    }

    /**
     * Adds target sites: those listed (each must exist and be active) and those the rule matches now (active sites
     * of the type and/or district). A site that is a target already keeps how it was first added.
     */
    @WithTransaction
    public Uni<TargetsChange> addTargets(UUID id, @Valid @NotNull TargetsInput input) {
        List<UUID> siteIds = distinct(input.siteIds());
        TargetRule rule = input.rule();
        String district = rule == null ? null : Texts.blankToNull(rule.district());
        List<FieldError> errors = new ArrayList<>();
        if (siteIds.isEmpty() && rule == null) {
            errors.add(new FieldError("siteIds", "name sites, or give a rule, or both"));
        }
        if (rule != null && rule.siteType() == null && district == null) {
            errors.add(new FieldError("rule", "needs a siteType, a district or both"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInputException(errors));
        }
        String by = user.subject();
        Instant now = ducha.common.AuditedEntity.now();
        return require(id)
                .call(campaign -> access.requireWriteAccess(campaign.unitId))
                .call(() -> checkListedSites(siteIds))
                .call(() -> district == null ? Uni.createFrom().voidItem() : checkDistrict(district))
                .chain(campaign -> campaigns.getSession().chain(session -> {
                    Uni<Integer> listed = siteIds.isEmpty() ? Uni.createFrom().item(0) : session.createNativeQuery("""
                                    insert into campaign_target (campaign_id, site_id, added_how, added_at, added_by)
                                    select :campaign, s.id, 'LIST', :now, :by from site s where s.id in (:ids)
                                    on conflict do nothing""")
                            .setParameter("campaign", id).setParameter("now", now.atOffset(ZoneOffset.UTC))
                            .setParameter("by", by).setParameter("ids", siteIds)
                            .executeUpdate();
                    return listed.chain(added -> {
                        if (rule == null) {
                            return Uni.createFrom().item(new int[] {added, siteIds.size() - added});
                        }
                        String conditions = (rule.siteType() != null ? " and s.type = :type" : "")
                                + (district != null ? " and s.district = :district" : "");
                        var matched = session.createNativeQuery(
                                "select count(*) from site s where s.active" + conditions, Long.class);
                        // A part the rule leaves out is stored as null (a literal: a null parameter has no type).
                        var insert = session.createNativeQuery("""
                                insert into campaign_target (campaign_id, site_id, added_how, rule_site_type, rule_district,
                                                             added_at, added_by)
                                select :campaign, s.id, 'RULE', %s, %s, :now, :by from site s
                                where s.active""".formatted(rule.siteType() != null ? ":type" : "null",
                                        district != null ? ":district" : "null") + conditions + " on conflict do nothing")
                                .setParameter("campaign", id).setParameter("now", now.atOffset(ZoneOffset.UTC))
                                .setParameter("by", by);
                        if (rule.siteType() != null) {
                            matched.setParameter("type", rule.siteType().name());
                            insert.setParameter("type", rule.siteType().name());
                        }
                        if (district != null) {
                            matched.setParameter("district", district);
                            insert.setParameter("district", district);
                        }
                        return matched.getSingleResult().chain(count -> {
                            if (count == 0) {
                                throw new InvalidInputException("rule", "matches no active site");
                            }
                            return insert.executeUpdate().map(byRule -> new int[] {added + byRule,
                                    siteIds.size() - added + (int) (long) count - byRule});
                        });
                    });
                })
                        .chain(counts -> {
                            Map<String, Object> detail = new LinkedHashMap<>();
                            detail.put("targetsAdded", counts[0]);
                            detail.put("siteIds", siteIds);
                            detail.put("rule", rule == null ? null : new TargetRule(rule.siteType(), district));
                            return changed(campaign, counts[0], counts[1], detail);
                        }));
    }

    /** Takes targets out; each named site must be a target of the campaign. */
    @WithTransaction
    public Uni<TargetsChange> removeTargets(UUID id, @Valid @NotNull TargetRemovalInput input) {
        List<UUID> siteIds = distinct(input.siteIds());
        return require(id)
                .call(campaign -> access.requireWriteAccess(campaign.unitId))
                .chain(campaign -> campaigns.getSession().chain(session -> session.createNativeQuery(
                                "select site_id from campaign_target where campaign_id = :campaign and site_id in (:ids)",
                                UUID.class)
                        .setParameter("campaign", id).setParameter("ids", siteIds)
                        .getResultList()
                        .chain(present -> {
                            List<UUID> missing = siteIds.stream().filter(s -> !present.contains(s)).toList();
                            if (!missing.isEmpty()) {
                                throw new InvalidInputException("siteIds", "are not targets of this campaign: " + missing);
                            }
                            return session.createNativeQuery(
                                            "delete from campaign_target where campaign_id = :campaign and site_id in (:ids)")
                                    .setParameter("campaign", id).setParameter("ids", siteIds)
                                    .executeUpdate();
                        }))
                        .chain(removed -> {
                            Map<String, Object> detail = new LinkedHashMap<>();
                            detail.put("targetsRemoved", removed);
                            detail.put("siteIds", siteIds);
                            return changed(campaign, removed, 0, detail);
                        }));
    }

    /** A change of targets is a change of the campaign: a new version and a change event with what changed. */
    private Uni<TargetsChange> changed(Campaign campaign, int count, int unchanged, Map<String, Object> detail) {
        campaign.touch();
        return campaigns.flush()
                .chain(() -> changes.record(ENTITY, campaign.id, ChangeOp.UPDATE, campaign.version,
                        CampaignView.of(campaign), detail))
                .map(v -> new TargetsChange(CampaignView.of(campaign), count, unchanged));
    }

    @WithSession
    Uni<Campaign> require(UUID id) {
        return campaigns.findById(id).onItem().ifNull().failWith(() -> new ResourceNotFoundException(ENTITY, id));
    }

    private Uni<Void> checkInput(CampaignInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (!input.endsAt().isAfter(input.startsAt())) {
            errors.add(new FieldError("endsAt", "must be after startsAt"));
        } else if (Duration.between(input.startsAt(), input.endsAt()).compareTo(LONGEST) > 0) {
            errors.add(new FieldError("endsAt", "must be at most 366 days after startsAt"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInputException(errors));
        }
        return units.findById(input.unitId())
                .onItem().ifNull().failWith(() -> new InvalidInputException("unitId", "names no unit"))
                .replaceWithVoid();
    }

    private Uni<Void> checkListedSites(List<UUID> siteIds) {
        if (siteIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return campaigns.getSession().chain(session -> session.createNativeQuery(
                        "select id, active from site where id in (:ids)", Object[].class)
                .setParameter("ids", siteIds)
                .getResultList())
                .invoke(rows -> {
                    Map<UUID, Boolean> found = new LinkedHashMap<>();
                    rows.forEach(row -> found.put((UUID) row[0], (Boolean) row[1]));
                    List<UUID> missing = siteIds.stream().filter(s -> !found.containsKey(s)).toList();
                    if (!missing.isEmpty()) {
                        throw new InvalidInputException("siteIds", "name no sites: " + missing);
                    }
                    List<UUID> retired = siteIds.stream().filter(s -> !found.get(s)).toList();
                    if (!retired.isEmpty()) {
                        throw new InvalidInputException("siteIds", "name retired sites (active: false): " + retired);
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> checkDistrict(String district) {
        return campaigns.getSession().chain(session -> session.createNativeQuery(
                        "select exists(select 1 from site where district = :district)", Boolean.class)
                .setParameter("district", district)
                .getSingleResult())
                .invoke(known -> {
                    if (!known) {
                        throw new InvalidInputException("rule.district", "no site has district " + district);
                    }
                })
                .replaceWithVoid();
    }

    private static List<UUID> distinct(List<UUID> ids) {
        return ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
    }

    private static void apply(Campaign campaign, CampaignInput input) {
        campaign.code = input.code();
        campaign.name = input.name().trim();
        campaign.description = Texts.blankToNull(input.description());
        campaign.unitId = input.unitId();
        campaign.startsAt = Times.instant(input.startsAt());
        campaign.endsAt = Times.instant(input.endsAt());
    }

    static CampaignView view(Row row) {
        return new CampaignView(row.getUUID("id"), row.getString("code"), row.getString("name"),
                row.getString("description"), row.getUUID("unit_id"), utc(row.getOffsetDateTime("starts_at")),
                utc(row.getOffsetDateTime("ends_at")), row.getString("created_by"), row.getLong("version"),
                utc(row.getOffsetDateTime("created_at")), utc(row.getOffsetDateTime("updated_at")));
    }

    static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
