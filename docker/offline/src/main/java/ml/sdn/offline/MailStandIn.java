package ml.sdn.offline;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * STAND-IN FOR MAILPIT, FOR MACHINES WITHOUT AN IMAGE REGISTRY ONLY: an SMTP server on 0.0.0.0:1025
 * (GreenMail, any login accepted) that keeps mails in memory and prints one line per mail. No web UI.
 */
public final class MailStandIn {

    private MailStandIn() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.getInteger("standin.port", 1025);
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "0.0.0.0", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        System.out.println("SMTP STAND-IN (GreenMail, not Mailpit) on 0.0.0.0:" + port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            greenMail.stop();
            stopped.countDown();
        }, "standin-shutdown"));
        int printed = 0;
        while (!stopped.await(1, TimeUnit.SECONDS)) {
            MimeMessage[] received = greenMail.getReceivedMessages();
            for (; printed < received.length; printed++) {
                Address[] to = received[printed].getAllRecipients();
                System.out.println("mail to=" + (to == null ? "" : Arrays.stream(to).map(Address::toString).collect(Collectors.joining(",")))
                        + " subject=\"" + received[printed].getSubject() + "\"");
            }
        }
    }
}
