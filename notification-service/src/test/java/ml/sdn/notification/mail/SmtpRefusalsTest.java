package ml.sdn.notification.mail;

import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

import java.net.ConnectException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shapes Angus Mail and Spring give a refused send, as JavaMailSenderImpl wraps them. */
class SmtpRefusalsTest {

    private static final MimeMessage MESSAGE = new MimeMessage((jakarta.mail.Session) null);

    @Test
    void a_recipient_refused_with_a_5xx_code_is_refused_for_good() throws Exception {
        var refused = new SMTPAddressFailedException(new InternetAddress("awa@refused.example"), "RCPT TO", 550,
                "5.1.1 mailbox unavailable");
        // every recipient refused: "Invalid Addresses", the refusal as its next exception
        var invalid = new SendFailedException("Invalid Addresses", refused);

        assertThat(SmtpRefusals.refusedForGood(new MailSendException(Map.of(MESSAGE, invalid)))).isTrue();
        assertThat(SmtpRefusals.refusedForGood(new MailSendException("Failed messages", invalid))).isTrue();
    }

    @Test
    void a_message_refused_with_a_5xx_code_after_its_data_is_refused_for_good() throws Exception {
        var refused = new SMTPSendFailedException("DATA", 554, "5.6.0 message refused", null, null, null, null);

        assertThat(SmtpRefusals.refusedForGood(new MailSendException(Map.of(MESSAGE, refused)))).isTrue();
    }

    @Test
    void a_temporary_refusal_a_refused_connection_or_a_login_failure_is_tried_again() throws Exception {
        var busy = new SMTPAddressFailedException(new InternetAddress("awa@busy.example"), "RCPT TO", 451,
                "4.3.0 try again later");

        assertThat(SmtpRefusals.refusedForGood(new MailSendException(Map.of(MESSAGE,
                new SendFailedException("Invalid Addresses", busy))))).isFalse();
        assertThat(SmtpRefusals.refusedForGood(new MailSendException("Mail server connection failed",
                new jakarta.mail.MessagingException("connect", new ConnectException("Connection refused"))))).isFalse();
        assertThat(SmtpRefusals.refusedForGood(new MailAuthenticationException("535 authentication failed"))).isFalse();
    }

    /** What the delivery log keeps of a refusal: the server's reply, as the server wrote it, without the address. */
    @Test
    void the_reply_of_a_refusal_is_kept_without_the_address_it_quotes() throws Exception {
        var refused = new SMTPAddressFailedException(new InternetAddress("Awa@Refused.example"), "RCPT TO", 550,
                "550 5.1.1 <awa@refused.example>: mailbox unavailable");
        var failure = new MailSendException(Map.of(MESSAGE, new SendFailedException("Invalid Addresses", refused)));

        assertThat(SmtpRefusals.reply(failure, "awa@refused.example")).isEqualTo("550 5.1.1 mailbox unavailable");
        assertThat(SmtpRefusals.reply(new MailSendException(Map.of(MESSAGE, new SMTPSendFailedException("DATA", 554,
                "5.6.0 message refused", null, null, null, null))), "awa@refused.example")).isEqualTo("554 5.6.0 message refused");
        assertThat(SmtpRefusals.reply(new MailSendException("Mail server connection failed"), "awa@refused.example")).isNull();
    }

    /** The delivery log's readers are told a refusal by this, not by reading the text themselves. */
    @Test
    void a_reply_is_recognised_and_a_temporary_failure_is_not() throws Exception {
        var refused = new SMTPAddressFailedException(new InternetAddress("awa@refused.example"), "RCPT TO", 550,
                "550 5.1.1 <awa@refused.example>: mailbox unavailable");
        assertThat(SmtpRefusals.isReply(SmtpRefusals.reply(new MailSendException(Map.of(MESSAGE, refused)), "awa@refused.example")))
                .isTrue();
        assertThat(SmtpRefusals.isReply("MailSendException: 450 [address] mailbox busy")).isFalse();
        assertThat(SmtpRefusals.isReply("Mail server connection failed")).isFalse();
        assertThat(SmtpRefusals.isReply(null)).isFalse();
    }
}
