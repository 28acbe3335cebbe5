// ExaBGP's JSON objects of the VPLS, MVPN, MUP and EVPN routes (their keys, order and value types).
package org.bgpekko.api.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Hex;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.nlri.EvpnNlri;
import org.bgpekko.wire.nlri.MupNlri;
import org.bgpekko.wire.nlri.MvpnNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriCodecs;
import org.bgpekko.wire.nlri.VplsNlri;
import org.bgpekko.wire.nlri.evpn.EvpnRoute;
import org.bgpekko.wire.nlri.mup.MupRoute;
import org.bgpekko.wire.nlri.mvpn.MvpnRoute;

final class FamilyNlriJson {
    private FamilyNlriJson() {}

    /** The object of a VPLS, MVPN, MUP or EVPN route; null for other NLRI. */
    static String of(Nlri n) {
        if (n instanceof VplsNlri v) {
            return JsonText.object(List.of(JsonText.ks("rd", v.rd().toString()),
                    JsonText.kv("endpoint", Integer.toString(v.endpoint())),
                    JsonText.kv("base", Integer.toString(v.base())),
                    JsonText.kv("offset", Integer.toString(v.offset())),
                    JsonText.kv("size", Integer.toString(v.size()))));
        } else if (n instanceof MvpnNlri m) {
            return mvpn(m);
        } else if (n instanceof MupNlri m) {
            return mup(m);
        } else if (n instanceof EvpnNlri e) {
            return evpn(e);
        }
        return null;
    }

    /** The NLRI's wire bytes without a path id, in upper-case hex: ExaBGP's "raw". */
    static String raw(Nlri n) {
        WireWriter w = new WireWriter(64);
        NlriCodecs.get(n.family()).encode(n, false, w);
        return Hex.encode(w.toArray());
    }

    private static String mvpn(MvpnNlri m) {
        List<String> p = head(m.routeType(), m);
        MvpnRoute r = MvpnRoute.of(m);
        if (r instanceof MvpnRoute.SourceAd s) {
            p.add(JsonText.ks("name", MvpnRoute.name(m.routeType())));
            p.add(JsonText.ks("rd", s.rd().toString()));
            p.add(JsonText.ks("source", s.source().toString()));
            p.add(JsonText.ks("group", s.group().toString()));
        } else if (r instanceof MvpnRoute.CMulticast c) {
            p.add(JsonText.ks("name", MvpnRoute.name(m.routeType())));
            p.add(JsonText.ks("rd", c.rd().toString()));
            p.add(JsonText.ks("source-as", Long.toString(c.sourceAs())));
            p.add(JsonText.ks("source", c.source().toString()));
            p.add(JsonText.ks("group", c.group().toString()));
        }
        return JsonText.object(p);
    }

    /** "code", "parsed" and "raw": parsed is false for a route type ExaBGP does not know. */
    private static List<String> head(int code, Nlri n) {
        boolean parsed = !(n instanceof MvpnNlri m && MvpnRoute.of(m) instanceof MvpnRoute.Other)
                && !(n instanceof EvpnNlri e && EvpnRoute.of(e) instanceof EvpnRoute.Other);
        List<String> p = new ArrayList<>();
        p.add(JsonText.kv("code", Integer.toString(code)));
        p.add(JsonText.kv("parsed", Boolean.toString(parsed)));
        p.add(JsonText.ks("raw", raw(n)));
        return p;
    }

    /**
     * ExaBGP's keys for the 3GPP-5G routes. Unlike ExaBGP, the Type 1 ST object is valid JSON (ExaBGP omits the
     * comma after "endpoint_ip") and an absent source shows as "" (ExaBGP prints Python's b'').
     */
    private static String mup(MupNlri m) {
        MupRoute r = MupRoute.of(m);
        List<String> p = new ArrayList<>();
        if (r instanceof MupRoute.Other) {
            p.add(JsonText.kv("arch", Integer.toString(m.archType())));
            p.add(JsonText.kv("code", Integer.toString(m.routeType())));
            p.add(JsonText.ks("raw", raw(m)));
            return JsonText.object(p);
        }
        p.add(JsonText.ks("name", MupRoute.name(m.routeType())));
        p.add(JsonText.kv("arch", Integer.toString(m.archType())));
        p.add(JsonText.kv("code", Integer.toString(m.routeType())));
        if (r instanceof MupRoute.Isd i) {
            p.add(JsonText.kv("prefix_ip_len", Integer.toString(i.prefix().length())));
            p.add(JsonText.ks("prefix_ip", i.prefix().address().toString()));
            p.add(JsonText.ks("rd", i.rd().toString()));
        } else if (r instanceof MupRoute.Dsd d) {
            p.add(JsonText.ks("ip", d.address().toString()));
            p.add(JsonText.ks("rd", d.rd().toString()));
        } else if (r instanceof MupRoute.T1st t) {
            p.add(JsonText.kv("prefix_ip_len", Integer.toString(t.prefix().length())));
            p.add(JsonText.ks("prefix_ip", t.prefix().address().toString()));
            p.add(JsonText.ks("teid", Long.toString(t.teid())));
            p.add(JsonText.ks("qfi", Integer.toString(t.qfi())));
            p.add(JsonText.ks("rd", t.rd().toString()));
            p.add(JsonText.kv("endpoint_ip_len", Integer.toString(t.endpoint().bits())));
            p.add(JsonText.ks("endpoint_ip", t.endpoint().toString()));
            p.add(JsonText.kv("source_ip_len", Integer.toString(t.source() == null ? 0 : t.source().bits())));
            p.add(JsonText.ks("source_ip", t.source() == null ? "" : t.source().toString()));
        } else if (r instanceof MupRoute.T2st t) {
            p.add(JsonText.kv("endpoint_len", Integer.toString(t.endpointLength())));
            p.add(JsonText.ks("endpoint_ip", t.endpoint().toString()));
            p.add(JsonText.ks("rd", t.rd().toString()));
            p.add(JsonText.ks("teid", Long.toString(t.teid())));
        }
        p.add(JsonText.ks("raw", raw(m)));
        return JsonText.object(p);
    }

    private static String evpn(EvpnNlri e) {
        List<String> p = head(e.routeType(), e);
        EvpnRoute r = EvpnRoute.of(e);
        if (r instanceof EvpnRoute.Other) {
            return JsonText.object(p);
        }
        p.add(JsonText.ks("name", EvpnRoute.name(e.routeType())));
        if (r instanceof EvpnRoute.EthernetAd a) {
            p.add(JsonText.ks("rd", a.rd().toString()));
            p.add(JsonText.ks("esi", esi(a.esi())));
            p.add(JsonText.kv("ethernet-tag", Long.toString(a.etag())));
            p.add(label(a.label()));
        } else if (r instanceof EvpnRoute.MacIp m) {
            p.add(JsonText.ks("rd", m.rd().toString()));
            p.add(JsonText.ks("esi", esi(m.esi())));
            p.add(JsonText.kv("ethernet-tag", Long.toString(m.etag())));
            p.add(JsonText.ks("mac", String.join(":", Hex.encode(m.mac().toArray()).split("(?<=\\G..)"))));
            p.add(label(m.label()));
            if (m.ip() != null) {
                p.add(JsonText.ks("ip", m.ip().toString()));
            }
        } else if (r instanceof EvpnRoute.Multicast m) {
            p.add(JsonText.ks("rd", m.rd().toString()));
            p.add(JsonText.kv("ethernet-tag", Long.toString(m.etag())));
            p.add(JsonText.ks("ip", m.ip().toString()));
        } else if (r instanceof EvpnRoute.Segment s) {
            p.add(JsonText.ks("rd", s.rd().toString()));
            p.add(JsonText.ks("esi", esi(s.esi())));
            p.add(JsonText.ks("ip", s.ip().toString()));
        } else if (r instanceof EvpnRoute.Prefix x) {
            p.add(JsonText.ks("rd", x.rd().toString()));
            p.add(JsonText.ks("esi", esi(x.esi())));
            p.add(JsonText.kv("ethernet-tag", Long.toString(x.etag())));
            p.add(label(x.label()));
            p.add(JsonText.ks("ip", x.ip().toString()));
            p.add(JsonText.kv("iplen", Integer.toString(x.ipLength())));
            p.add(JsonText.ks("gateway", x.gateway().toString()));
        }
        return JsonText.object(p);
    }

    /** "-" for the all-zero ESI, else the ten bytes in lower-case hex joined by ':'. */
    private static String esi(Bytes esi) {
        byte[] b = esi.toArray();
        boolean zero = true;
        for (byte x : b) {
            zero &= x == 0;
        }
        return zero ? "-" : String.join(":", Hex.encode(b).toLowerCase(Locale.ROOT).split("(?<=\\G..)"));
    }

    /** ExaBGP's label list: [ [label] ], or [ [label, raw entry] ] when the raw entry is not zero. */
    private static String label(int entry) {
        return JsonText.kv("label", "[ [" + (entry >>> 4) + (entry != 0 ? ", " + entry : "") + "] ]");
    }
}
