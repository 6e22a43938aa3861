package ducha.reminder;

import java.util.UUID;

/** Which reminders: those addressed to this unit or a unit below it, of this kind; null means any. */
public record ReminderFilter(UUID unitId, ReminderKind kind) {
}
