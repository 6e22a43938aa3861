package ducha.notice;

import ducha.unit.UnitTreeSql;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class NoticeRepository implements PanacheRepositoryBase<Notice, UUID> {

    /** The cited findings of each notice, in one query for a whole page. */
    public Uni<Map<UUID, List<UUID>>> citedFindings(List<UUID> noticeIds) {
        if (noticeIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return getSession().chain(session -> session.createNativeQuery(
                        "select notice_id, finding_id from notice_finding where notice_id in (:ids) order by finding_id",
                        Object[].class)
                .setParameter("ids", noticeIds)
                .getResultList())
                .map(rows -> {
                    Map<UUID, List<UUID>> cited = new HashMap<>();
                    for (Object[] row : rows) {
                        cited.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add((UUID) row[1]);
                    }
                    return cited;
                });
    }

    /** Of the given finding ids, those that exist. */
    public Uni<List<UUID>> existingFindings(List<UUID> findingIds) {
        if (findingIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(session -> session.createNativeQuery(
                        "select id from finding where id in (:ids)", UUID.class)
                .setParameter("ids", findingIds)
                .getResultList());
    }

    /** The findings among {@code findingIds} of units outside {@code unitId} and its sub-units. */
    public Uni<List<UUID>> findingsOutside(UUID unitId, List<UUID> findingIds) {
        if (findingIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(session -> session.createNativeQuery(
                        "select id from finding where id in (:ids) and unit_id not in " + UnitTreeSql.subtreeOf("cast(:unit as uuid)"),
                        UUID.class)
                .setParameter("ids", findingIds)
                .setParameter("unit", unitId)
                .getResultList());
    }

    /** Makes the notice cite exactly these findings. */
    public Uni<Void> replaceCitations(UUID noticeId, List<UUID> findingIds) {
        return getSession().chain(session -> session.createNativeQuery(
                        "delete from notice_finding where notice_id = :notice")
                .setParameter("notice", noticeId)
                .executeUpdate()
                .chain(() -> {
                    if (findingIds.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    StringBuilder sql = new StringBuilder("insert into notice_finding (notice_id, finding_id) values ");
                    for (int i = 0; i < findingIds.size(); i++) {
                        sql.append(i == 0 ? "" : ", ").append("(:notice, :f").append(i).append(')');
                    }
                    var insert = session.createNativeQuery(sql.toString()).setParameter("notice", noticeId);
                    for (int i = 0; i < findingIds.size(); i++) {
                        insert.setParameter("f" + i, findingIds.get(i));
                    }
                    return insert.executeUpdate();
                }))
                .replaceWithVoid();
    }
}
