package ducha.attachment;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class AttachmentRepository implements PanacheRepositoryBase<Attachment, UUID> {

    public Uni<List<Attachment>> ofFinding(UUID findingId) {
        return find("findingId = ?1 order by createdAt, id", findingId).list();
    }

    public Uni<Long> countOfFinding(UUID findingId) {
        return count("findingId", findingId);
    }

    /** Stores chunk {@code n} of an attachment's bytes. */
    public Uni<Void> insertChunk(UUID attachmentId, int n, byte[] data) {
        return getSession().chain(session -> session.createNativeQuery(
                        "insert into attachment_chunk (attachment_id, n, data) values (:id, :n, :data)")
                .setParameter("id", attachmentId)
                .setParameter("n", n)
                .setParameter("data", data)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Chunks {@code first} to {@code last} (inclusive) of an attachment's bytes, in order. */
    public Uni<List<byte[]>> chunks(UUID attachmentId, int first, int last) {
        return getSession().chain(session -> session.createNativeQuery(
                        "select data from attachment_chunk where attachment_id = :id and n between :first and :last order by n",
                        byte[].class)
                .setParameter("id", attachmentId)
                .setParameter("first", first)
                .setParameter("last", last)
                .getResultList());
    }
}
