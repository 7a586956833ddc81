package ml.sdn.localstack;

import jakarta.mail.Message;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmtpSinkTest {

    @TempDir
    Path logs;

    @Test
    void refuses_the_recipients_of_a_refused_domain_with_a_permanent_550_and_takes_the_others() throws Exception {
        int port = freePort();
        try (SmtpSink sink = new SmtpSink(port, logs.resolve("smtp.log"), new PrintStream(new ByteArrayOutputStream()),
                SmtpSink.domains(" Refused.Example "))) {
            sink.start();

            assertThatThrownBy(() -> send(port, "awa@refused.example"))
                    .isInstanceOf(SendFailedException.class)
                    .hasStackTraceContaining("550 5.1.1 <awa@refused.example>");
            send(port, "issa@accepted.example");

            assertThat(sink.greenMail().getReceivedMessages()).singleElement()
                    .satisfies(mail -> assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("issa@accepted.example"));
        }
    }

    @Test
    void refuses_nobody_by_default() throws Exception {
        int port = freePort();
        try (SmtpSink sink = new SmtpSink(port, logs.resolve("smtp.log"), new PrintStream(new ByteArrayOutputStream()))) {
            sink.start();
            send(port, "awa@refused.example");
            assertThat(sink.greenMail().getReceivedMessages()).hasSize(1);
        }
    }

    @Test
    void the_setting_names_domains_only() {
        assertThat(SmtpSink.domains("refused.example, Other.TEST")).containsExactly("other.test", "refused.example");
        assertThat(SmtpSink.refusal(Set.of("refused.example"), "x@REFUSED.example")).startsWith("550 ");
        assertThat(SmtpSink.refusal(Set.of("refused.example"), "x@sub.refused.example")).isNull();
        assertThatThrownBy(() -> SmtpSink.domains("awa@refused.example")).hasMessageContaining("--smtp-refuse");
        assertThatThrownBy(() -> SmtpSink.domains("a.example,,b.example")).hasMessageContaining("--smtp-refuse");
    }

    private static void send(int port, String to) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(port));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("no-reply@semainedunumerique.ml"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Bonjour");
        message.setText("Bonjour.");
        Transport.send(message);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
