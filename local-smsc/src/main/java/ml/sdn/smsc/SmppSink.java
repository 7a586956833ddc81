package ml.sdn.smsc;

import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.MessageId;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local SMSC: an SMPP 3.4 server (jsmpp) that accepts any bind, takes every {@code submit_sm},
 * reassembles concatenated messages (UDH, 8- or 16-bit reference), logs one line per whole message
 * ({@code sms to=+227… segments=N text="…"}) and, when asked for a receipt, answers one
 * {@code deliver_sm} delivery receipt per segment ({@code stat:DELIVRD}). Nothing leaves the machine.
 *
 * <p>As a real SMSC, it stores a segment before it answers: a {@code submit_sm} it took counts as taken even if its
 * {@code submit_sm_resp} is lost (the sink stopped in between). Its receipt then tells the client: each receipt
 * carries {@code receipted_message_id}, {@code message_state} and the {@code user_message_reference} the client
 * gave the segment (SMPP 3.4, 5.3.2.17), echoed. Receipts for an ESME that is not bound wait for its next
 * transceiver or receiver bind, as a real SMSC keeps them; with a log file they are also journaled beside it
 * ({@code sms-receipts.log} next to {@code sms.log}: each receipt owed, then each one the ESME acknowledged), so
 * that a sink started again on the same log, in a new process, still sends the receipts it owes.
 *
 * <p>For tests: {@link #stop()} and {@link #start()} kill and restart it on the same port, keeping what it
 * logged; {@link #refuseBinds} refuses binds; {@link #throttleNext} answers {@code ESME_RTHROTTLED}; destinations starting with
 * {@link #INVALID_PREFIX} are refused ({@code ESME_RINVDSTADR}) and those starting with
 * {@link #UNDELIVERABLE_PREFIX} are taken but their receipt says {@code UNDELIV}.
 */
public final class SmppSink implements AutoCloseable {

    /** No such numbering plan anywhere: answered {@code ESME_RINVDSTADR}. */
    public static final String INVALID_PREFIX = "+999";
    /** How long a receipt the ESME refused or did not answer waits before it is sent again, while it is bound. */
    static final Duration RECEIPT_RETRY = Duration.ofSeconds(1);

    /** Taken, then reported undeliverable in the receipt ({@code err:001}). */
    public static final String UNDELIVERABLE_PREFIX = "+998";

    /** One whole message as the handset would show it. */
    public record Message(Instant at, String systemId, String from, String to, int segments, String text) {
    }

    /** One segment as taken: the {@code sequence}-th of {@code total} to {@code to}. */
    public record Segment(String to, int sequence, int total) {
    }

    private record Pending(String systemId, String from, String to, SmsTextDecoder.Part part, boolean receipt,
                           Instant submittedAt, Integer reference) {
    }

    /** {@code reference}: the {@code user_message_reference} the ESME gave the segment (0-65535), or null. */
    private record Receipt(String systemId, String from, String to, String messageId, Instant submittedAt,
                           boolean delivered, Integer reference) {
    }

    private static final DateTimeFormatter RECEIPT_DATE = DateTimeFormatter.ofPattern("yyMMddHHmm").withZone(ZoneOffset.UTC);

    private final String host;
    private final Path logFile;
    private final Path journal;
    private boolean journalRead;
    private final PrintStream console;
    private volatile int port;

    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final List<Segment> segments = new CopyOnWriteArrayList<>();
    private final Map<String, TreeMap<Integer, String>> assemblies = new ConcurrentHashMap<>();
    private final Map<String, Deque<Receipt>> heldReceipts = new ConcurrentHashMap<>();
    private final Set<SMPPServerSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<SMPPServerSession, String> systemIds = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 44));
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger killAt = new AtomicInteger();
    private volatile boolean refuseBinds;
    private final AtomicInteger bindsRefused = new AtomicInteger();

    private volatile SMPPServerSessionListener listener;
    private volatile ExecutorService workers;
    private volatile ScheduledExecutorService receipts;
    private volatile Thread acceptor;

    /**
     * @param port    0 for any free port (kept across {@link #stop()} and {@link #start()})
     * @param logFile where each message is appended, or null
     * @param console where each message is echoed, or null
     */
    public SmppSink(String host, int port, Path logFile, PrintStream console) {
        this.host = host;
        this.port = port;
        this.logFile = logFile;
        this.console = console;
        this.journal = logFile == null ? null
                : logFile.resolveSibling(logFile.getFileName().toString().replaceFirst("\\.log$", "") + "-receipts.log");
    }

    public synchronized void start() {
        if (listener != null) {
            return;
        }
        try {
            if (logFile != null) {
                Files.createDirectories(logFile.toAbsolutePath().getParent());
                readJournal();
            }
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            port = socket.getLocalPort();
            SMPPServerSessionListener started = new SMPPServerSessionListener(port, new Bound(socket));
            started.setMessageReceiverListener(new Submits());
            started.setSessionStateListener(this::onStateChange);
            started.setPduProcessorDegree(4);
            started.setQueueCapacity(1000);
            listener = started;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the SMPP sink on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        workers = Executors.newCachedThreadPool(daemon("smpp-sink"));
        receipts = Executors.newSingleThreadScheduledExecutor(daemon("smpp-sink-receipts"));
        SMPPServerSessionListener accepting = listener;
        acceptor = daemon("smpp-sink-accept").newThread(() -> accept(accepting));
        acceptor.start();
    }

    /** Kills the SMSC: the port closes and every session drops at once, with whatever was in flight. */
    public synchronized void stop() {
        SMPPServerSessionListener stopping = listener;
        listener = null;
        if (stopping == null) {
            return;
        }
        try {
            stopping.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        // The port is free only once the thread blocked in accept() has left it: the JDK closes a server socket that
        // another thread is accepting on when that thread returns, and until then the socket still listens (a
        // client may even connect into it). Without this wait, a start() right after a kill met "Address already in
        // use" on a loaded machine (SmsDeliveryIT, the kill in the middle of a burst).
        awaitAcceptorGone();
        for (SMPPServerSession session : sessions) {
            session.close();
        }
        sessions.clear();
        systemIds.clear();
        receipts.shutdownNow();
        workers.shutdownNow();
    }

    private void awaitAcceptorGone() {
        Thread accepting = acceptor;
        acceptor = null;
        if (accepting == null || accepting == Thread.currentThread()) {
            return;
        }
        try {
            accepting.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return port;
    }

    /** Every whole message taken so far, oldest first (across restarts). */
    public List<Message> messages() {
        return List.copyOf(messages);
    }

    /** Every segment taken so far, oldest first (across restarts): a segment taken twice is here twice. */
    public List<Segment> segments() {
        return List.copyOf(segments);
    }

    /** Whether it listens now. */
    public boolean running() {
        return listener != null;
    }

    /**
     * Kills the SMSC ({@link #stop()}) right after it has taken its {@code count}-th message in all (counted
     * from its first start), before it answers the submit that completed it: a crash in the middle of a burst, at a
     * point the test chooses, that loses the answer to a submit it took.
     */
    public void killAfter(int count) {
        killAt.set(count);
    }

    /** While set, every bind is refused ({@code ESME_RBINDFAIL}), as by an SMSC that is up but will not take us. */
    public void refuseBinds(boolean refuse) {
        refuseBinds = refuse;
    }

    /** How many binds were refused so far. */
    public int bindsRefused() {
        return bindsRefused.get();
    }

    /** The next {@code count} submits are answered {@code ESME_RTHROTTLED}. */
    public void throttleNext(int count) {
        throttled.set(count);
    }

    private void accept(SMPPServerSessionListener accepting) {
        while (listener == accepting) {
            try {
                SMPPServerSession session = accepting.accept();
                workers.execute(() -> bind(session));
            } catch (SocketException closed) {
                return;
            } catch (IOException | RuntimeException e) {
                if (listener != accepting) {
                    return;
                }
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5_000);
            if (refuseBinds) {
                bindsRefused.incrementAndGet();
                request.reject(SMPPConstant.STAT_ESME_RBINDFAIL);
                session.close();
                return;
            }
            // known before the bind_resp leaves: the ESME may submit at once, and its submits are read on the session's
            // own thread, which could otherwise take one before this thread had named the session. Its receipt was then
            // owed to "?" and never sent to the ESME (SmppSinkReceiptsTest, loaded machine)
            sessions.add(session);
            systemIds.put(session, request.getSystemId());
            request.accept("sdn-smsc", InterfaceVersion.IF_34);
            if (request.getBindType() != BindType.BIND_TX) {
                flushLater(request.getSystemId());
            }
        } catch (Exception e) {
            session.close();
        }
    }

    private void onStateChange(SessionState newState, SessionState oldState, Session source) {
        if (newState == SessionState.CLOSED && source instanceof SMPPServerSession session) {
            sessions.remove(session);
            systemIds.remove(session);
        }
    }

    private final class Submits implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
            if (throttled.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
            }
            String to = number(submit.getDestAddress(), submit.getDestAddrTon());
            if (to.isBlank() || to.startsWith(INVALID_PREFIX)) {
                throw new ProcessRequestException("invalid destination", SMPPConstant.STAT_ESME_RINVDSTADR);
            }
            boolean udhi = (submit.getEsmClass() & GSMSpecificFeature.UDHI.value()) != 0;
            SmsTextDecoder.Part part = SmsTextDecoder.decode(submit.getShortMessage(), submit.getDataCoding(), udhi);
            String id = Long.toHexString(nextId.incrementAndGet());
            MessageId messageId;
            try {
                messageId = new MessageId(id);
            } catch (PDUStringException e) {
                throw new ProcessRequestException("message id", SMPPConstant.STAT_ESME_RSYSERR);
            }
            // taken before the answer is written, as a real SMSC stores then answers: an answer lost on the way
            // leaves the client in doubt, and the receipt (with its user_message_reference) settles it
            if (taken(id, new Pending(systemIds.getOrDefault(source, "?"),
                    number(submit.getSourceAddr(), submit.getSourceAddrTon()), to, part,
                    (submit.getRegisteredDelivery() & 0x03) != 0, Instant.now(), reference(submit)))) {
                crash();
            }
            return new SubmitSmResult(messageId, new OptionalParameter[0]);
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    private static Integer reference(SubmitSm submit) {
        return submit.getOptionalParameter(OptionalParameter.Tag.USER_MESSAGE_REFERENCE) instanceof OptionalParameter.Short
                given ? given.getValue() & 0xFFFF : null;
    }

    /** Stops the sink from another thread (this one serves a session that stop closes) and waits for it. */
    private void crash() {
        Thread killer = new Thread(this::stop, "smpp-sink-kill");
        killer.setDaemon(true);
        killer.start();
        try {
            killer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return whether {@link #killAfter} asks for a crash now */
    private boolean taken(String messageId, Pending pending) {
        SmsTextDecoder.Part part = pending.part();
        segments.add(new Segment(pending.to(), Math.max(1, part.sequence()), Math.max(1, part.total())));
        String key = pending.systemId() + "|" + pending.from() + "|" + pending.to() + "|" + part.reference() + "|" + part.total();
        String whole = null;
        if (part.total() <= 1) {
            whole = part.text();
        } else {
            synchronized (assemblies) {
                TreeMap<Integer, String> parts = assemblies.computeIfAbsent(key, k -> new TreeMap<>());
                parts.put(part.sequence(), part.text());
                if (parts.size() == part.total()) {
                    whole = String.join("", parts.values());
                    assemblies.remove(key);
                }
            }
        }
        boolean crash = false;
        if (whole != null) {
            crash = log(new Message(Instant.now(), pending.systemId(), pending.from(), pending.to(), part.total(), whole));
        }
        if (pending.receipt()) {
            // kept until sent: a receipt is never lost to a stop or a dropped session
            Receipt receipt = new Receipt(pending.systemId(), pending.from(), pending.to(), messageId,
                    pending.submittedAt(), !pending.to().startsWith(UNDELIVERABLE_PREFIX), pending.reference());
            journal(owed(receipt));
            hold(pending.systemId(), receipt);
            flushLater(pending.systemId());
        }
        return crash;
    }

    /** @return whether {@link #killAfter} asks for a crash now */
    private boolean log(Message message) {
        messages.add(message);
        int at = killAt.get();
        boolean crash = at > 0 && messages.size() >= at && killAt.compareAndSet(at, 0);
        String line = "sms to=" + message.to() + " segments=" + message.segments() + " text=\"" + escaped(message.text()) + "\"";
        if (console != null) {
            console.println("  [smsc] " + line);
        }
        if (logFile != null) {
            synchronized (this) {
                try {
                    Files.writeString(logFile, message.at() + " " + line + System.lineSeparator(), StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return crash;
    }

    /** An international number is written as E.164, with its +, whether the ESME sent the + or not. */
    private static String number(String address, byte ton) {
        if (address == null) {
            return "";
        }
        return ton == TypeOfNumber.INTERNATIONAL.value() && !address.startsWith("+") ? "+" + address : address;
    }

    /** One line per message, whatever it holds. */
    static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n");
    }

    private void flushLater(String systemId) {
        flushLater(systemId, Duration.ZERO);
    }

    private void flushLater(String systemId, Duration delay) {
        ScheduledExecutorService sending = receipts;
        if (sending != null) {
            try {
                sending.schedule(() -> flushHeld(systemId), delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RuntimeException stopping) {
                // the receipts wait for the next bind
            }
        }
    }

    /** Sends what waits for this ESME, oldest first, while it has a session that can receive. */
    private void flushHeld(String systemId) {
        Deque<Receipt> held = heldReceipts.get(systemId);
        if (held == null) {
            return;
        }
        while (true) {
            SMPPServerSession session = receiverOf(systemId);
            if (session == null) {
                return;
            }
            Receipt next;
            synchronized (held) {
                next = held.poll();
            }
            if (next == null) {
                return;
            }
            if (!send(next, session)) {
                synchronized (held) {
                    held.addFirst(next);
                }
                // As an SMSC retries a delivery: the ESME may have refused it for a moment. A client that sent its
                // bind answers a deliver_sm arriving right behind its bind_resp with ESME_RINVBNDSTS until it has
                // marked itself bound (jsmpp does so after reading the bind_resp), so the first receipts after a bind
                // can be refused; without a retry they waited for the next bind (SmppSinkReceiptsTest, loaded machine).
                flushLater(systemId, RECEIPT_RETRY);
                return;
            }
            journal("sent " + next.messageId());
        }
    }

    private boolean send(Receipt receipt, SMPPServerSession session) {
        List<OptionalParameter> parameters = new java.util.ArrayList<>(List.of(
                new OptionalParameter.Receipted_message_id(receipt.messageId()),
                new OptionalParameter.Byte(OptionalParameter.Tag.MESSAGE_STATE, (byte) (receipt.delivered() ? 2 : 5))));
        if (receipt.reference() != null) {
            parameters.add(new OptionalParameter.User_message_reference((short) receipt.reference().intValue()));
        }
        try {
            String text = "id:" + receipt.messageId() + " sub:001 dlvrd:" + (receipt.delivered() ? "001" : "000")
                    + " submit date:" + RECEIPT_DATE.format(receipt.submittedAt()) + " done date:"
                    + RECEIPT_DATE.format(Instant.now()) + " stat:" + (receipt.delivered() ? "DELIVRD" : "UNDELIV")
                    + " err:" + (receipt.delivered() ? "000" : "001") + " text:";
            session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                    receipt.to().replace("+", ""), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, receipt.from(),
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO, text.getBytes(StandardCharsets.ISO_8859_1),
                    parameters.toArray(OptionalParameter[]::new));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private SMPPServerSession receiverOf(String systemId) {
        for (Map.Entry<SMPPServerSession, String> bound : systemIds.entrySet()) {
            SessionState state = bound.getKey().getSessionState();
            if (systemId.equals(bound.getValue()) && (state == SessionState.BOUND_TRX || state == SessionState.BOUND_RX)) {
                return bound.getKey();
            }
        }
        return null;
    }

    /** One journal line: {@code owed <systemId> <id> <from> <to> <reference or -> <submitted> <DELIVRD|UNDELIV>}. */
    private static String owed(Receipt receipt) {
        return String.join(" ", "owed", encoded(receipt.systemId()), receipt.messageId(), encoded(receipt.from()),
                encoded(receipt.to()), receipt.reference() == null ? "-" : receipt.reference().toString(),
                receipt.submittedAt().toString(), receipt.delivered() ? "DELIVRD" : "UNDELIV");
    }

    private void journal(String line) {
        if (journal == null) {
            return;
        }
        synchronized (journal) {
            try {
                Files.writeString(journal, line + System.lineSeparator(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Once, at the first start: the receipts a sink on this log owed and never had acknowledged (it was
     * killed, or its ESME never bound again) are held again, oldest first, to be sent at the next bind.
     */
    private void readJournal() throws IOException {
        if (journalRead || journal == null || !Files.exists(journal)) {
            journalRead = true;
            return;
        }
        journalRead = true;
        Map<String, Receipt> owed = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            String[] field = line.split(" ");
            if (field.length == 8 && field[0].equals("owed")) {
                owed.put(field[2], new Receipt(decoded(field[1]), decoded(field[3]), decoded(field[4]), field[2],
                        Instant.parse(field[6]), field[7].equals("DELIVRD"), field[5].equals("-") ? null : Integer.valueOf(field[5])));
            } else if (field.length == 2 && field[0].equals("sent")) {
                owed.remove(field[1]);
            }
        }
        owed.values().forEach(receipt -> hold(receipt.systemId(), receipt));
    }

    private static String encoded(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decoded(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private void hold(String systemId, Receipt receipt) {
        Deque<Receipt> held = heldReceipts.computeIfAbsent(systemId, k -> new ArrayDeque<>());
        synchronized (held) {
            held.add(receipt);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** jsmpp's listener on a socket bound here, to the given host, with SO_REUSEADDR set before the bind. */
    private record Bound(ServerSocket socket) implements ServerConnectionFactory {

        @Override
        public ServerConnection listen(int port) {
            return new ServerSocketConnection(socket);
        }

        @Override
        public ServerConnection listen(int port, int timeout) throws IOException {
            socket.setSoTimeout(timeout);
            return new ServerSocketConnection(socket);
        }

        @Override
        public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
            return listen(port, timeout);
        }
    }

    /**
     * Runs the sink alone (docker-compose's SMSC stand-in): {@code -Dsmsc.port} (2775), {@code -Dsmsc.host}
     * (0.0.0.0), {@code -Dsmsc.log} (a file, and the receipts it owes journaled beside it; else the console only,
     * and those receipts are kept in memory only).
     */
    public static void main(String[] args) throws InterruptedException {
        int port = Integer.getInteger("smsc.port", 2775);
        String host = System.getProperty("smsc.host", "0.0.0.0");
        String log = System.getProperty("smsc.log");
        SmppSink sink = new SmppSink(host, port, log == null ? null : Path.of(log), System.out);
        sink.start();
        System.out.println("SMSC STAND-IN (an SMPP sink, nothing leaves this machine) on " + host + ":" + sink.port());
        Runtime.getRuntime().addShutdownHook(new Thread(sink::stop, "smsc-shutdown"));
        Thread.currentThread().join();
    }
}
