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

    /** The bytes of chunk {@code n} from {@code offset} (0-based, within the chunk), at most {@code length}. */
    public Uni<byte[]> chunkSlice(UUID attachmentId, int n, int offset, int length) {
        return getSession().chain(session -> session.createNativeQuery(
                        "select substring(data from :from for :length) from attachment_chunk where attachment_id = :id and n = :n",
                        byte[].class)
                .setParameter("from", offset + 1)
                .setParameter("length", length)
                .setParameter("id", attachmentId)
                .setParameter("n", n)
                .getSingleResult());
    }
}
