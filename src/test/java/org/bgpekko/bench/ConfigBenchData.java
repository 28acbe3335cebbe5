// Generates a large, varied ExaBGP configuration (static routes with mixed attributes) from a fixed seed.
package org.bgpekko.bench;

import java.util.Random;

public final class ConfigBenchData {
    private ConfigBenchData() {}

    /**
     * One neighbor with {@code routes} distinct static routes: about 90% IPv4 (/24 and /32) and 10% IPv6 /48,
     * AS_PATHs of 1 to 6 ASNs (some with an AS_SET), MED on 40%, 0-4 communities, a large community on 20%,
     * an extended community on 10%, and one route in twenty in the block form.
     */
    public static String generate(int routes, long seed) {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder(routes * 110);
        sb.append("process announcer {\n\trun /usr/bin/env cat;\n\tencoder json;\n}\n\n");
        sb.append("neighbor 10.0.0.2 {\n\trouter-id 10.0.0.1;\n\tlocal-address 10.0.0.1;\n\tlocal-as 65001;\n")
                .append("\tpeer-as 65002;\n\thold-time 90;\n\tfamily {\n\t\tipv4 unicast;\n\t\tipv6 unicast;\n\t}\n")
                .append("\tapi {\n\t\tprocesses [ announcer ];\n\t}\n\tstatic {\n");
        int v4 = 0;
        int v6 = 0;
        for (int i = 0; i < routes; i++) {
            boolean ipv6 = rnd.nextInt(10) == 0 && v6 < 65536;
            String prefix;
            String nextHop;
            if (ipv6) {
                prefix = "2001:db8:" + Integer.toHexString(v6++) + "::/48";
                nextHop = "2001:db8::" + Integer.toHexString(1 + rnd.nextInt(0xfffe));
            } else {
                long base = 0x010000L + v4++;
                boolean host = rnd.nextInt(8) == 0;
                prefix = (base >>> 16) + "." + ((base >>> 8) & 0xFF) + "." + (base & 0xFF) + "."
                        + (host ? 1 + rnd.nextInt(254) + "/32" : "0/24");
                nextHop = "192.0.2." + (1 + rnd.nextInt(254));
            }
            boolean block = rnd.nextInt(20) == 0;
            String sep = block ? ";\n\t\t\t" : " ";
            sb.append("\t\troute ").append(prefix).append(block ? " {\n\t\t\t" : " ");
            sb.append("next-hop ").append(nextHop).append(sep);
            sb.append("origin ").append(rnd.nextInt(3) == 0 ? "incomplete" : "igp").append(sep);
            sb.append("as-path [");
            int len = 1 + rnd.nextInt(6);
            for (int a = 0; a < len; a++) {
                sb.append(' ').append(rnd.nextInt(4) == 0 ? 4_200_000_000L + rnd.nextInt(1000) : 1 + rnd.nextInt(64000));
            }
            if (rnd.nextInt(50) == 0) {
                sb.append(" ( ").append(1 + rnd.nextInt(64000)).append(' ').append(1 + rnd.nextInt(64000)).append(" )");
            }
            sb.append(" ]").append(sep);
            if (rnd.nextInt(10) < 4) {
                sb.append("med ").append(rnd.nextInt(1000)).append(sep);
            }
            sb.append("local-preference ").append(100 + rnd.nextInt(3) * 50).append(sep);
            int communities = rnd.nextInt(5);
            if (communities > 0) {
                sb.append("community [");
                for (int c = 0; c < communities; c++) {
                    sb.append(' ').append(65000 + rnd.nextInt(500)).append(':').append(rnd.nextInt(65536));
                }
                sb.append(" ]").append(sep);
            }
            if (rnd.nextInt(5) == 0) {
                sb.append("large-community [ 65001:").append(rnd.nextInt(100)).append(':').append(rnd.nextInt(100))
                        .append(" ]").append(sep);
            }
            if (rnd.nextInt(10) == 0) {
                sb.append("extended-community [ target:65001:").append(rnd.nextInt(1000)).append(" ]").append(sep);
            }
            sb.setLength(sb.length() - sep.length());
            sb.append(block ? ";\n\t\t}\n" : ";\n");
        }
        sb.append("\t}\n}\n");
        return sb.toString();
    }
}
