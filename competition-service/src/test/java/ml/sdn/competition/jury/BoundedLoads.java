package ml.sdn.competition.jury;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Test oracle, independent of the planner: a max-flow with lower bounds that answers "is there an
 * assignment giving application a exactly {@code need[a]} more jurors among {@code free[a]}, with every
 * juror's load (fixed + new) between lo and hi?", and from it the smallest spread any such assignment
 * can have
 * ({@link #possibleWithSpread}).
 */
final class BoundedLoads {

    private final int[] need;
    private final boolean[][] free;
    private final int[] fixedLoad;

    BoundedLoads(int[] need, boolean[][] free, int[] fixedLoad) {
        this.need = need;
        this.free = free;
        this.fixedLoad = fixedLoad;
    }

    /** Whether some assignment has every load within {@code spread} of each other. */
    boolean possibleWithSpread(int spread) {
        if (spread < 0) {
            return false;
        }
        int total = Arrays.stream(need).sum() + Arrays.stream(fixedLoad).sum();
        // the lowest load is at most the average
        int highestLowest = fixedLoad.length == 0 ? 0 : total / fixedLoad.length;
        for (int lo = 0; lo <= highestLowest; lo++) {
            if (feasible(lo, lo + spread)) {
                return true;
            }
        }
        return false;
    }

    boolean feasible(int lo, int hi) {
        int n = need.length;
        int m = fixedLoad.length;
        // nodes: 0 = s, 1..n apps, n+1..n+m jurors, n+m+1 = t, n+m+2 = S', n+m+3 = T'
        int s = 0;
        int t = n + m + 1;
        int superSource = n + m + 2;
        int superSink = n + m + 3;
        int nodes = n + m + 4;
        int[][] capacity = new int[nodes][nodes];
        int[] excess = new int[nodes];
        for (int a = 0; a < n; a++) {
            // exactly need[a]: lower = upper = need[a]
            excess[1 + a] += need[a];
            excess[s] -= need[a];
            for (int j = 0; j < m; j++) {
                if (free[a][j]) {
                    capacity[1 + a][n + 1 + j] = 1;
                }
            }
        }
        for (int j = 0; j < m; j++) {
            int lower = Math.max(0, lo - fixedLoad[j]);
            int upper = hi - fixedLoad[j];
            if (upper < lower) {
                return false;
            }
            capacity[n + 1 + j][t] = upper - lower;
            excess[t] += lower;
            excess[n + 1 + j] -= lower;
        }
        capacity[t][s] = Integer.MAX_VALUE / 4;
        int required = 0;
        for (int v = 0; v < superSource; v++) {
            if (excess[v] > 0) {
                capacity[superSource][v] = excess[v];
                required += excess[v];
            } else if (excess[v] < 0) {
                capacity[v][superSink] = -excess[v];
            }
        }
        return maxFlow(capacity, superSource, superSink) == required;
    }

    private static int maxFlow(int[][] capacity, int source, int sink) {
        int nodes = capacity.length;
        int flow = 0;
        while (true) {
            int[] parent = new int[nodes];
            Arrays.fill(parent, -1);
            parent[source] = source;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(source);
            while (!queue.isEmpty() && parent[sink] == -1) {
                int u = queue.poll();
                for (int v = 0; v < nodes; v++) {
                    if (parent[v] == -1 && capacity[u][v] > 0) {
                        parent[v] = u;
                        queue.add(v);
                    }
                }
            }
            if (parent[sink] == -1) {
                return flow;
            }
            int bottleneck = Integer.MAX_VALUE;
            for (int v = sink; v != source; v = parent[v]) {
                bottleneck = Math.min(bottleneck, capacity[parent[v]][v]);
            }
            for (int v = sink; v != source; v = parent[v]) {
                capacity[parent[v]][v] -= bottleneck;
                capacity[v][parent[v]] += bottleneck;
            }
            flow += bottleneck;
        }
    }
}
