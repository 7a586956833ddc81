package ml.sdn.notification.sms;

import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * The SMPP 3.4 session with the SMSC (jsmpp): bound on demand as transceiver (or transmitter), kept alive by
 * enquire-link every {@code sdn.sms.enquire-link}, bound again after a loss or a refused bind no sooner than
 * the reconnect backoff allows (doubling up to {@code sdn.sms.reconnect-max}), so that a dead SMSC is not
 * hammered. Each segment carries the {@code user_message_reference} the sender gives it (SMPP 3.4 TLV 0x0204),
 * which an SMSC echoes in the segment's delivery receipt: a segment whose answer was lost is found by it.
 * Delivery receipts read on the session go to the {@link ReceiptHandler}; one that cannot be stored is answered
 * with an error, and the SMSC sends it again. The password is never logged.
 */
class Smsc implements AutoCloseable {

    /** What the SMSC said of one segment. */
    interface ReceiptHandler {
        /**
         * @param handset   the number the segment went to (E.164), as the receipt says
         * @param reference the {@code user_message_reference} the receipt echoes (0-65535), or null
         */
        void receipt(String messageId, boolean delivered, String reason, String handset, Integer reference);
    }

    /** No session now: the SMSC is down, refused the bind, or the backoff is not over. */
    static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Smsc.class);

    private final SmsProperties properties;
    private final ReceiptHandler receipts;
    private SMPPSession session;
    private int failedBinds;
    private Instant nextBindAt = Instant.MIN;
    private String lastProblem = "not bound yet";

    Smsc(SmsProperties properties, ReceiptHandler receipts) {
        this.properties = properties;
        this.receipts = receipts;
    }

    /** Whether a session is bound now (binding one if the backoff allows). */
    synchronized boolean available() {
        try {
            bound();
            return true;
        } catch (Unavailable e) {
            return false;
        }
    }

    /**
     * Submits one segment, asking for a delivery receipt, with its {@code user_message_reference}. @return the
     * SMSC's message id
     *
     * @throws NegativeResponseException the SMSC refused it (its command status says why)
     * @throws Unavailable               no session could be had
     * @throws IOException               the connection broke: the session is dropped
     */
    String submit(String to, SmsText.Encoded text, int segment, int reference) throws Unavailable, NegativeResponseException,
            IOException, ResponseTimeoutException, InvalidResponseException, PDUException {
        SMPPSession bound;
        synchronized (this) {
            bound = bound();
        }
        try {
            return bound.submitShortMessage("", senderTon(), senderNpi(), properties.senderId(),
                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to.startsWith("+") ? to.substring(1) : to,
                    new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT,
                            text.concatenated() ? GSMSpecificFeature.UDHI : GSMSpecificFeature.DEFAULT),
                    (byte) 0, (byte) 1, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                    new RawDataCoding(text.alphabet().dataCoding()), (byte) 0, text.segments().get(segment),
                    new OptionalParameter.User_message_reference((short) reference))
                    .getMessageId();
        } catch (IOException e) {
            dropped(bound, e.toString());
            throw e;
        }
    }

    /** An alphanumeric sender id (SDN) or a number (+22370…): the SMSC reads them differently. */
    private TypeOfNumber senderTon() {
        return properties.senderId().matches("\\+?\\d+") ? TypeOfNumber.INTERNATIONAL : TypeOfNumber.ALPHANUMERIC;
    }

    private NumberingPlanIndicator senderNpi() {
        return properties.senderId().matches("\\+?\\d+") ? NumberingPlanIndicator.ISDN : NumberingPlanIndicator.UNKNOWN;
    }

    private SMPPSession bound() throws Unavailable {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        if (Instant.now().isBefore(nextBindAt)) {
            throw new Unavailable("SMSC unavailable (" + lastProblem + "), next bind at " + nextBindAt);
        }
        SMPPSession fresh = new SMPPSession();
        fresh.setTransactionTimer(properties.responseTimeout().toMillis());
        fresh.setEnquireLinkTimer((int) properties.enquireLink().toMillis());
        fresh.setMessageReceiverListener(new Receipts());
        fresh.addSessionStateListener((newState, oldState, source) -> {
            if (newState == SessionState.CLOSED && oldState.isBound()) {
                log.warn("SMSC session closed; it will be bound again when needed");
            }
        });
        try {
            fresh.connectAndBind(properties.host(), properties.port(), new BindParameter(
                    properties.bindType() == SmsProperties.BindMode.TRANSMITTER ? BindType.BIND_TX : BindType.BIND_TRX,
                    properties.systemId(), properties.password(), properties.systemType(), TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.UNKNOWN, null), properties.responseTimeout().toMillis());
        } catch (IOException e) {
            fresh.unbindAndClose();
            failedBinds++;
            lastProblem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Duration wait = properties.reconnectBackoff().after(failedBinds);
            nextBindAt = Instant.now().plus(wait);
            log.warn("SMSC {}:{} bind failed ({}); next try in {}", properties.host(), properties.port(), lastProblem, wait);
            throw new Unavailable("SMSC bind failed: " + lastProblem);
        }
        if (failedBinds > 0 || session != null) {
            log.info("SMSC {}:{} bound again as {}", properties.host(), properties.port(), properties.systemId());
        }
        failedBinds = 0;
        nextBindAt = Instant.MIN;
        session = fresh;
        return fresh;
    }

    /** The connection broke under a submit: closed now, bound again on the next need (no wait: one loss is not an outage). */
    private synchronized void dropped(SMPPSession broken, String why) {
        if (session == broken) {
            lastProblem = why;
            session = null;
        }
        broken.unbindAndClose();
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            session.unbindAndClose();
            session = null;
        }
    }

    private final class Receipts implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            if (!deliverSm.isSmscDeliveryReceipt()) {
                return; // a mobile-originated message: nobody reads replies to these notices
            }
            DeliveryReceipt receipt;
            try {
                receipt = deliverSm.getShortMessageAsDeliveryReceipt();
            } catch (InvalidDeliveryReceiptException e) {
                log.warn("Unreadable delivery receipt ignored: {}", e.getMessage());
                return;
            }
            try {
                String state = receipt.getFinalStatus() == null ? "UNKNOWN" : receipt.getFinalStatus().name();
                receipts.receipt(receipt.getId(), "DELIVRD".equals(state), "stat:" + state + " err:" + receipt.getError(),
                        handset(deliverSm), reference(deliverSm));
            } catch (RuntimeException e) {
                // not stored: the SMSC keeps it and sends it again
                throw new ProcessRequestException("receipt not stored", 0x00000008);
            }
        }

        /** A receipt comes from the handset: its source is the number the segment went to. */
        private static String handset(DeliverSm deliverSm) {
            String source = deliverSm.getSourceAddr();
            if (source == null || source.isBlank()) {
                return null;
            }
            return deliverSm.getSourceAddrTon() == TypeOfNumber.INTERNATIONAL.value() && !source.startsWith("+")
                    ? "+" + source : source;
        }

        private static Integer reference(DeliverSm deliverSm) {
            return deliverSm.getOptionalParameter(OptionalParameter.Tag.USER_MESSAGE_REFERENCE)
                    instanceof OptionalParameter.Short echoed ? echoed.getValue() & 0xFFFF : null;
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm not supported", 0x00000003);
        }
    }

}
