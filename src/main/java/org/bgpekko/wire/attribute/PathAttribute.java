// A decoded path attribute (RFC 4271 section 4.3 and later RFCs); type codes from the IANA registry.
package org.bgpekko.wire.attribute;

public sealed interface PathAttribute
        permits Origin, AsPath, As4Path, NextHop, MultiExitDisc, LocalPref, AtomicAggregate, Aggregator,
                As4Aggregator, Communities, OriginatorId, ClusterList, MpReachNlri, MpUnreachNlri,
                ExtendedCommunities, Ipv6ExtendedCommunities, Aigp, LargeCommunities, PrefixSid, LinkState,
                OnlyToCustomer, UnknownAttribute {

    int ORIGIN = 1;
    int AS_PATH = 2;
    int NEXT_HOP = 3;
    int MULTI_EXIT_DISC = 4;
    int LOCAL_PREF = 5;
    int ATOMIC_AGGREGATE = 6;
    int AGGREGATOR = 7;
    int COMMUNITIES = 8;
    int ORIGINATOR_ID = 9;
    int CLUSTER_LIST = 10;
    int MP_REACH_NLRI = 14;
    int MP_UNREACH_NLRI = 15;
    int EXTENDED_COMMUNITIES = 16;
    int AS4_PATH = 17;
    int AS4_AGGREGATOR = 18;
    int PMSI_TUNNEL = 22;
    int IPV6_EXTENDED_COMMUNITIES = 25;
    int AIGP = 26;
    int BGP_LS = 29;
    int LARGE_COMMUNITY = 32;
    int ONLY_TO_CUSTOMER = 35;
    int PREFIX_SID = 40;

    int FLAG_OPTIONAL = 0x80;
    int FLAG_TRANSITIVE = 0x40;
    int FLAG_PARTIAL = 0x20;
    int FLAG_EXTENDED_LENGTH = 0x10;

    int typeCode();
}
