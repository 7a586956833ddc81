package ml.sdn.registration.attendance;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A badge code set aside for one door's device, for a walk-in it may register while offline (collection
 * {@code attendance_walkin_codes}, {@code _id} = the code): handed out with the day's list to the staff member
 * who downloaded it, for that day and that device, and used once. {@code clientId} is the id the device gave
 * the walk-in it wrote the code for; set by the first upload, it makes a second upload the same walk-in and
 * another device's use of the code a conflict.
 *
 * @param staffId  who downloaded the list (only they may use the code)
 * @param device   the id the device gave itself (a second phone of the same person gets its own codes)
 * @param walkInId the person registered with it, once uploaded
 */
@Document(WalkInCode.COLLECTION)
record WalkInCode(@Id String code, String day, String staffId, String device, Instant reservedAt, String clientId,
                  String walkInId, Instant usedAt) {

    static final String COLLECTION = "attendance_walkin_codes";
}
