package ml.sdn.competition.jury;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The assignment engine on numbered applications (sorted by id) and jurors (sorted by id).
 * Fixed assignments ({@link #keep}) count in loads and never move; movable ones ({@link #add}) may be
 * moved by {@link #rebalance()}. See {@link AssignmentPlanner} for the algorithm and its proof.
 */
final class LoadBalancer {

    private final int jurors;
    private final boolean[][] eligible;
    private final boolean[][] assigned;
    private final boolean[][] movable;
    private final int[] load;
    private final List<TreeSet<Integer>> movableByJuror = new ArrayList<>();
    /** exchange[u][v] = how many applications movably on u could go to v instead; null until rebalancing. */
    private int[][] exchange;

    LoadBalancer(boolean[][] eligible, int jurors) {
        this.jurors = jurors;
        this.eligible = eligible;
        this.assigned = new boolean[eligible.length][jurors];
        this.movable = new boolean[eligible.length][jurors];
        this.load = new int[jurors];
        for (int j = 0; j < jurors; j++) {
            movableByJuror.add(new TreeSet<>());
        }
    }

    int load(int j) {
        return load[j];
    }

    boolean isAssigned(int a, int j) {
        return assigned[a][j];
    }

    int assignedCount(int a) {
        int count = 0;
        for (int j = 0; j < jurors; j++) {
            if (assigned[a][j]) {
                count++;
            }
        }
        return count;
    }

    /** Jurors who may review {@code a} and are not on it yet. */
    int freeCount(int a) {
        int count = 0;
        for (int j = 0; j < jurors; j++) {
            if (eligible[a][j] && !assigned[a][j]) {
                count++;
            }
        }
        return count;
    }

    /** A fixed assignment: counted, never moved. */
    void keep(int a, int j) {
        change(a, () -> {
            assigned[a][j] = true;
            load[j]++;
        });
    }

    /** A movable assignment. Only for an eligible juror not yet on the application. */
    void add(int a, int j) {
        if (!eligible[a][j] || assigned[a][j]) {
            throw new IllegalStateException("juror " + j + " cannot take application " + a);
        }
        change(a, () -> {
            assigned[a][j] = true;
            movable[a][j] = true;
            movableByJuror.get(j).add(a);
            load[j]++;
        });
    }

    private void move(int a, int from, int to) {
        change(a, () -> {
            assigned[a][from] = false;
            movable[a][from] = false;
            movableByJuror.get(from).remove(a);
            load[from]--;
            assigned[a][to] = true;
            movable[a][to] = true;
            movableByJuror.get(to).add(a);
            load[to]++;
        });
    }

    /**
     * Gives {@code a} up to {@code wanted} more jurors: the least-loaded eligible jurors not on it yet,
     * ties by juror order. Returns how many were added.
     */
    int fill(int a, int wanted) {
        Integer[] candidates = IntStream.range(0, jurors)
                .filter(j -> eligible[a][j] && !assigned[a][j])
                .boxed()
                .sorted(Comparator.<Integer>comparingInt(j -> load[j]).thenComparingInt(j -> j))
                .toArray(Integer[]::new);
        int added = Math.min(wanted, candidates.length);
        for (int i = 0; i < added; i++) {
            add(a, candidates[i]);
        }
        return added;
    }

    /**
     * Moves movable assignments along exchange paths while some juror s can pass one unit of load to a
     * juror t with load(t) ≤ load(s) − 2. Each move lowers Σ load² by at least 2, so this ends; when it
     * ends, no such path exists, which makes the load vector decreasingly minimal (see
     * {@link AssignmentPlanner}).
     */
    void rebalance() {
        exchange = new int[jurors][jurors];
        for (int a = 0; a < assigned.length; a++) {
            contribute(a, +1);
        }
        while (improveOnce()) {
            // each improvement strictly lowers Σ load²
        }
    }

    private boolean improveOnce() {
        if (jurors < 2) {
            return false;
        }
        int min = Arrays.stream(load).min().orElse(0);
        Integer[] byLoadDescending = IntStream.range(0, jurors).boxed()
                .sorted(Comparator.<Integer>comparingInt(j -> -load[j]).thenComparingInt(j -> j))
                .toArray(Integer[]::new);
        for (int s : byLoadDescending) {
            if (load[s] - min < 2) {
                return false;
            }
            int[] parent = new int[jurors];
            int[] distance = new int[jurors];
            Arrays.fill(parent, -1);
            parent[s] = s;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(s);
            while (!queue.isEmpty()) {
                int u = queue.poll();
                for (int v = 0; v < jurors; v++) {
                    if (parent[v] == -1 && exchange[u][v] > 0) {
                        parent[v] = u;
                        distance[v] = distance[u] + 1;
                        queue.add(v);
                    }
                }
            }
            int target = -1;
            for (int v = 0; v < jurors; v++) {
                if (v != s && parent[v] != -1 && (target == -1 || load[v] < load[target]
                        || (load[v] == load[target] && distance[v] < distance[target]))) {
                    target = v;
                }
            }
            if (target != -1 && load[target] <= load[s] - 2) {
                shift(parent, target);
                return true;
            }
        }
        return false;
    }

    /** Moves one unit of load along the BFS path to {@code target}: each juror on it passes one application on. */
    private void shift(int[] parent, int target) {
        List<int[]> steps = new ArrayList<>(); // {application, from, to}
        for (int v = target; parent[v] != v; v = parent[v]) {
            int u = parent[v];
            steps.add(new int[] {witness(u, v), u, v});
        }
        // witnesses are all chosen on the state before the shift; on a simple path they never clash
        for (int[] step : steps) {
            move(step[0], step[1], step[2]);
        }
    }

    /** The first application movably on {@code from} that {@code to} may take. */
    private int witness(int from, int to) {
        for (int a : movableByJuror.get(from)) {
            if (eligible[a][to] && !assigned[a][to]) {
                return a;
            }
        }
        throw new IllegalStateException("no exchange from " + from + " to " + to);
    }

    private void change(int a, Runnable mutation) {
        if (exchange != null) {
            contribute(a, -1);
        }
        mutation.run();
        if (exchange != null) {
            contribute(a, +1);
        }
    }

    private void contribute(int a, int sign) {
        int[] from = new int[jurors];
        int[] to = new int[jurors];
        int froms = 0;
        int tos = 0;
        for (int j = 0; j < jurors; j++) {
            if (movable[a][j]) {
                from[froms++] = j;
            } else if (eligible[a][j] && !assigned[a][j]) {
                to[tos++] = j;
            }
        }
        for (int i = 0; i < froms; i++) {
            for (int k = 0; k < tos; k++) {
                exchange[from[i]][to[k]] += sign;
            }
        }
    }
}
