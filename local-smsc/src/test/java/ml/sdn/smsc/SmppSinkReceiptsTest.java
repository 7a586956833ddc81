package ml.sdn.smsc;

import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sink as a real SMSC: what it took is kept with its receipt owed, and a sink started again on the same log
 * (a new process) sends that receipt at the next transceiver bind, with {@code receipted_message_id} and the
 * {@code user_message_reference} the ESME gave, echoed.
 */
class SmppSinkReceiptsTest {

    @TempDir
    Path logs;

    @Test
    void a_sink_started_again_on_the_same_log_sends_the_receipts_it_owed_echoing_the_reference() throws Exception {
        Path log = logs.resolve("sms.log");
        String messageId;
        SmppSink first = new SmppSink("127.0.0.1", 0, log, null);
        first.start();
        try {
            // a transmitter reads no receipt: the sink owes it when it is killed
            SMPPSession transmitter = bound(first.port(), BindType.BIND_TX, null);
            messageId = transmitter.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "SDN",
                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "22790123456", new ESMClass(), (byte) 0, (byte) 1,
                    null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                    new GeneralDataCoding(Alphabet.ALPHA_DEFAULT), (byte) 0, "Bonjour".getBytes(StandardCharsets.ISO_8859_1),
                    new OptionalParameter.User_message_reference((short) 0xBEEF)).getMessageId();
            transmitter.unbindAndClose();
        } finally {
            first.stop();
        }
        assertThat(Files.readAllLines(log, StandardCharsets.UTF_8)).singleElement()
                .satisfies(line -> assertThat(line).endsWith("sms to=+22790123456 segments=1 text=\"Bonjour\""));

        SmppSink second = new SmppSink("127.0.0.1", 0, log, null);
        second.start();
        BlockingQueue<DeliverSm> received = new LinkedBlockingQueue<>();
        SMPPSession transceiver = bound(second.port(), BindType.BIND_TRX, received);
        try {
            DeliverSm receipt = received.poll(30, TimeUnit.SECONDS);

            assertThat(receipt).isNotNull();
            assertThat(receipt.isSmscDeliveryReceipt()).isTrue();
            assertThat(receipt.getShortMessageAsDeliveryReceipt().getId()).isEqualTo(messageId);
            assertThat(receipt.getSourceAddr()).isEqualTo("22790123456");
            assertThat(((OptionalParameter.COctetString) receipt.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID))
                    .getValueAsString()).isEqualTo(messageId);
            assertThat(((OptionalParameter.Short) receipt.getOptionalParameter(OptionalParameter.Tag.USER_MESSAGE_REFERENCE))
                    .getValue() & 0xFFFF).isEqualTo(0xBEEF);
        } finally {
            transceiver.unbindAndClose();
            second.stop();
        }
    }

    @Test
    void a_receipt_the_esme_refused_at_its_bind_is_sent_again_while_it_is_bound() throws Exception {
        SmppSink sink = new SmppSink("127.0.0.1", 0, null, null);
        sink.start();
        BlockingQueue<DeliverSm> received = new LinkedBlockingQueue<>();
        AtomicInteger refusals = new AtomicInteger(1);
        SMPPSession transceiver = null;
        try {
            // taken from a transmitter, which reads no receipt: owed until a session that can receive binds
            SMPPSession transmitter = bound(sink.port(), BindType.BIND_TX, null);
            String messageId = transmitter.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN,
                    "SDN", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "22370123456", new ESMClass(), (byte) 0,
                    (byte) 1, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                    new GeneralDataCoding(Alphabet.ALPHA_DEFAULT), (byte) 0, "Bonjour".getBytes(StandardCharsets.ISO_8859_1))
                    .getMessageId();
            transmitter.unbindAndClose();
            // refuses the receipt sent at its bind, as a client does that gets a deliver_sm before it has marked
            // itself bound; nothing else happens on the session afterwards
            transceiver = bound(sink.port(), BindType.BIND_TRX, received, refusals);

            DeliverSm receipt = received.poll(30, TimeUnit.SECONDS);

            assertThat(refusals).as("the delivery at the bind was refused").hasValue(0);
            assertThat(receipt).as("sent again").isNotNull();
            assertThat(receipt.getShortMessageAsDeliveryReceipt().getId()).isEqualTo(messageId);
        } finally {
            if (transceiver != null) {
                transceiver.unbindAndClose();
            }
            sink.stop();
        }
    }

    private static SMPPSession bound(int port, BindType type, BlockingQueue<DeliverSm> receipts) throws Exception {
        return bound(port, type, receipts, new AtomicInteger());
    }

    private static SMPPSession bound(int port, BindType type, BlockingQueue<DeliverSm> receipts, AtomicInteger refusals)
            throws Exception {
        SMPPSession session = new SMPPSession();
        session.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
                if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw new ProcessRequestException("not now", 0x04);
                }
                if (receipts != null) {
                    receipts.add(deliverSm);
                }
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alertNotification) {
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
                throw new ProcessRequestException("not supported", 0x03);
            }
        });
        session.connectAndBind("127.0.0.1", port, new BindParameter(type, "sdn", "sdn-dev", "", TypeOfNumber.UNKNOWN,
                NumberingPlanIndicator.UNKNOWN, null), 5_000);
        return session;
    }
}
