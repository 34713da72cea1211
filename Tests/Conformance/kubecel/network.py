"""Kubernetes' IP, CIDR and URL libraries (k8s.io/apiserver/pkg/cel/library/ip.go, cidr.go,
urls.go). IPs and prefixes follow Go's net/netip, which Kubernetes uses: no zones, no IPv4-mapped
IPv6 addresses, no leading zeros; the predicates are Go's (netip.Addr.IsGlobalUnicast, ...). URLs
follow Go's url.ParseRequestURI: an absolute URI or an absolute path."""

import ipaddress
import re
import urllib.parse

from celpy import celtypes as ct

from .errors import CELError, no_overload
from .values import kind_of


class IP:
    cel_type = "net.IP"
    __slots__ = ("address",)

    def __init__(self, address):
        self.address = address

    def cel_string(self):
        return str(self.address)

    def cel_equals(self, other):
        return isinstance(other, IP) and self.address == other.address


class CIDR:
    cel_type = "net.CIDR"
    __slots__ = ("address", "prefix")

    def __init__(self, address, prefix):
        self.address, self.prefix = address, prefix

    def network(self):
        return ipaddress.ip_network("%s/%d" % (self.address, self.prefix), strict=False)

    def cel_string(self):
        return "%s/%d" % (self.address, self.prefix)

    def cel_equals(self, other):
        return isinstance(other, CIDR) and (self.address, self.prefix) == (other.address, other.prefix)


def _parse_ip(text):
    s = str(text)
    if "%" in s:
        return None, "IP address with zone value is not allowed"
    try:
        address = ipaddress.ip_address(s)
    except ValueError:
        return None, "IP Address %r parse error during conversion from string" % s
    if address.version == 6 and address.ipv4_mapped is not None:
        return None, "IPv4-mapped IPv6 address %r is not allowed" % s
    return address, None


def _string_arg(name, value):
    if kind_of(value) != "string":
        raise no_overload(name, value)
    return str(value)


def ip(value):
    if isinstance(value, CIDR):
        return IP(value.address)
    address, error = _parse_ip(_string_arg("ip", value))
    if error:
        raise CELError(error)
    return IP(address)


def is_ip(value):
    return ct.BoolType(_parse_ip(_string_arg("isIP", value))[0] is not None)


def is_canonical(value):
    s = _string_arg("ip.isCanonical", value)
    address, error = _parse_ip(s)
    if error:
        raise CELError(error)
    return ct.BoolType(str(address) == s)


def _need_ip(name, value):
    if not isinstance(value, IP):
        raise no_overload(name, value)
    return value.address


def family(value):
    return ct.IntType(_need_ip("family", value).version)


def is_unspecified(value):
    return ct.BoolType(_need_ip("isUnspecified", value).is_unspecified)


def is_loopback(value):
    return ct.BoolType(_need_ip("isLoopback", value).is_loopback)


def is_link_local_multicast(value):
    a = _need_ip("isLinkLocalMulticast", value)
    if a.version == 4:
        return ct.BoolType(a in ipaddress.ip_network("224.0.0.0/24"))
    return ct.BoolType((int(a) >> 112) & 0xff0f == 0xff02)


def is_link_local_unicast(value):
    a = _need_ip("isLinkLocalUnicast", value)
    if a.version == 4:
        return ct.BoolType(a in ipaddress.ip_network("169.254.0.0/16"))
    return ct.BoolType(a in ipaddress.ip_network("fe80::/10"))


def is_global_unicast(value):
    # Go: not unspecified, loopback, multicast, link-local unicast, nor the IPv4 broadcast address.
    a = _need_ip("isGlobalUnicast", value)
    if a.version == 4 and a == ipaddress.ip_address("255.255.255.255"):
        return ct.BoolType(False)
    return ct.BoolType(not (a.is_unspecified or a.is_loopback or a.is_multicast
                            or bool(is_link_local_unicast(value))))


def _parse_cidr(text):
    s = str(text)
    address_text, slash, prefix_text = s.partition("/")
    if not slash or not re.match(r"^(0|[1-9][0-9]{0,2})$", prefix_text):
        return None, "network address parse error during conversion from string: %r" % s
    address, error = _parse_ip(address_text)
    if error:
        return None, error
    prefix = int(prefix_text)
    if prefix > address.max_prefixlen:
        return None, "network address parse error during conversion from string: %r" % s
    return CIDR(address, prefix), None


def cidr(value):
    parsed, error = _parse_cidr(_string_arg("cidr", value))
    if error:
        raise CELError(error)
    return parsed


def is_cidr(value):
    return ct.BoolType(_parse_cidr(_string_arg("isCIDR", value))[0] is not None)


def _need_cidr(name, value):
    if not isinstance(value, CIDR):
        raise no_overload(name, value)
    return value


def contains_ip(prefix, other):
    c = _need_cidr("containsIP", prefix)
    address = ip(other).address if kind_of(other) == "string" else _need_ip("containsIP", other)
    return ct.BoolType(address.version == c.address.version and address in c.network())


def contains_cidr(prefix, other):
    c = _need_cidr("containsCIDR", prefix)
    o = cidr(other) if kind_of(other) == "string" else _need_cidr("containsCIDR", other)
    if o.address.version != c.address.version or o.prefix < c.prefix:
        return ct.BoolType(False)
    return ct.BoolType(o.address in c.network())


def masked(prefix):
    c = _need_cidr("masked", prefix)
    return CIDR(c.network().network_address, c.prefix)


def prefix_length(prefix):
    return ct.IntType(_need_cidr("prefixLength", prefix).prefix)


# --- URLs ---------------------------------------------------------------------------------------

class URL:
    cel_type = "kubernetes.URL"
    __slots__ = ("parts", "text")

    def __init__(self, text, parts):
        self.text, self.parts = text, parts

    def cel_equals(self, other):
        return isinstance(other, URL) and self.text == other.text


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _parse_url(text):
    s = str(text)
    if not s or any(ord(c) < 0x20 or c == "\x7f" for c in s) or " " in s:
        return None
    if not (_SCHEME.match(s) or s.startswith("/")):
        return None
    if re.search(r"%(?![0-9A-Fa-f]{2})", s):
        return None
    parts = urllib.parse.urlsplit(s)
    try:
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        return None
    return URL(s, parts)


def url(value):
    parsed = _parse_url(_string_arg("url", value))
    if parsed is None:
        raise CELError("URL parse error during conversion from string: %s" % value)
    return parsed


def is_url(value):
    return ct.BoolType(_parse_url(_string_arg("isURL", value)) is not None)


def _need_url(name, value):
    if not isinstance(value, URL):
        raise no_overload(name, value)
    return value.parts


def get_scheme(value):
    return ct.StringType(_need_url("getScheme", value).scheme)


def get_host(value):
    return ct.StringType(_need_url("getHost", value).netloc.rpartition("@")[2])


def get_hostname(value):
    host = _need_url("getHostname", value).netloc.rpartition("@")[2]
    if host.startswith("["):
        return ct.StringType(host[1:host.index("]")])
    return ct.StringType(host.partition(":")[0])


def get_port(value):
    host = _need_url("getPort", value).netloc.rpartition("@")[2]
    if host.startswith("["):
        host = host[host.index("]") + 1:]
    return ct.StringType(host.partition(":")[2])


def get_escaped_path(value):
    return ct.StringType(_need_url("getEscapedPath", value).path)


def get_query(value):
    query = urllib.parse.parse_qs(_need_url("getQuery", value).query, keep_blank_values=True)
    return ct.MapType({ct.StringType(k): ct.ListType([ct.StringType(v) for v in vs]) for k, vs in query.items()})


FUNCTIONS = {
    "ip": ip, "isIP": is_ip, "ip.isCanonical": is_canonical, "family": family,
    "isUnspecified": is_unspecified, "isLoopback": is_loopback,
    "isLinkLocalMulticast": is_link_local_multicast, "isLinkLocalUnicast": is_link_local_unicast,
    "isGlobalUnicast": is_global_unicast, "cidr": cidr, "isCIDR": is_cidr,
    "containsIP": contains_ip, "containsCIDR": contains_cidr, "masked": masked,
    "prefixLength": prefix_length, "url": url, "isURL": is_url, "getScheme": get_scheme,
    "getHost": get_host, "getHostname": get_hostname, "getPort": get_port,
    "getEscapedPath": get_escaped_path, "getQuery": get_query,
}
