//! CIDR arithmetic for IPv4 and IPv6: `cidrsubnet`, `cidrsubnets`, `cidrhost`, `cidrnetmask`.

use super::{arity, integer, string, strings_of};
use crate::terraform::eval::Eval;
use crate::value::Value;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

pub(super) fn call(name: &str, args: &[Value]) -> Option<Eval> {
    Some(match name {
        "cidrsubnet" => cidrsubnet(args),
        "cidrsubnets" => cidrsubnets(args),
        "cidrhost" => cidrhost(args),
        "cidrnetmask" => cidrnetmask(args),
        _ => return None,
    })
}

/// A network as an address in a 128-bit integer (IPv4 in the low 32 bits) and a prefix length.
struct Network {
    address: u128,
    prefix: u32,
    bits: u32,
}

impl Network {
    fn parse(text: &str) -> Result<Network, String> {
        let (addr, prefix) = text
            .split_once('/')
            .ok_or_else(|| format!("\"{text}\" is not a CIDR prefix"))?;
        let addr: IpAddr = addr
            .parse()
            .map_err(|_| format!("\"{addr}\" is not an IP address"))?;
        let (address, bits) = match addr {
            IpAddr::V4(a) => (u32::from(a) as u128, 32),
            IpAddr::V6(a) => (u128::from(a), 128),
        };
        let prefix: u32 = prefix
            .parse()
            .map_err(|_| format!("\"{prefix}\" is not a prefix length"))?;
        if prefix > bits {
            return Err(format!("prefix length {prefix} is longer than {bits} bits"));
        }
        Ok(Network {
            address: address & mask(prefix, bits),
            prefix,
            bits,
        })
    }

    fn subnet(&self, newbits: i64, netnum: i64) -> Result<Network, String> {
        let prefix = self.prefix as i64 + newbits;
        if newbits < 0 || prefix > self.bits as i64 {
            return Err(format!(
                "{newbits} new bits would make a prefix longer than {} bits",
                self.bits
            ));
        }
        let prefix = prefix as u32;
        if netnum < 0 || (newbits < 128 && (netnum as u128) >= (1u128 << newbits)) {
            return Err(format!(
                "network number {netnum} does not fit in {newbits} bits"
            ));
        }
        let shift = self.bits - prefix;
        let offset = if shift >= 128 {
            0
        } else {
            (netnum as u128) << shift
        };
        Ok(Network {
            address: self.address | offset,
            prefix,
            bits: self.bits,
        })
    }

    fn address_text(&self, address: u128) -> String {
        if self.bits == 32 {
            Ipv4Addr::from(address as u32).to_string()
        } else {
            Ipv6Addr::from(address).to_string()
        }
    }

    /// The network's last address.
    fn last(&self) -> u128 {
        let all = if self.bits == 128 {
            u128::MAX
        } else {
            (1u128 << self.bits) - 1
        };
        self.address | (all & !mask(self.prefix, self.bits))
    }

    fn text(&self) -> String {
        format!("{}/{}", self.address_text(self.address), self.prefix)
    }
}

fn mask(prefix: u32, bits: u32) -> u128 {
    let host_bits = bits - prefix;
    let all = if bits == 128 {
        u128::MAX
    } else {
        (1u128 << bits) - 1
    };
    if host_bits >= 128 {
        0
    } else {
        all & !((1u128 << host_bits) - 1)
    }
}

fn cidrsubnet(args: &[Value]) -> Eval {
    arity(args, 3, 3)?;
    let network = Network::parse(&string(&args[0])?)?;
    Ok(Value::String(
        network
            .subnet(integer(&args[1])?, integer(&args[2])?)?
            .text(),
    ))
}

/// Consecutive subnets of the given sizes, each aligned to its own size.
fn cidrsubnets(args: &[Value]) -> Eval {
    arity(args, 1, usize::MAX)?;
    let network = Network::parse(&string(&args[0])?)?;
    let mut next: u128 = network.address;
    let mut out = Vec::new();
    for arg in &args[1..] {
        let newbits = integer(arg)?;
        let prefix = network.prefix + newbits as u32;
        if newbits <= 0 || prefix > network.bits {
            return Err(format!("{newbits} new bits do not fit"));
        }
        let size = 1u128 << (network.bits - prefix);
        let start = next.div_ceil(size) * size;
        if start + size - 1 > network.last() {
            return Err("not enough address space for the requested subnets".into());
        }
        out.push(
            Network {
                address: start,
                prefix,
                bits: network.bits,
            }
            .text(),
        );
        next = start + size;
    }
    Ok(strings_of(out))
}

/// A negative host number counts from the end of the range.
fn cidrhost(args: &[Value]) -> Eval {
    arity(args, 2, 2)?;
    let network = Network::parse(&string(&args[0])?)?;
    let hostnum = integer(&args[1])?;
    let host_bits = network.bits - network.prefix;
    let size: u128 = if host_bits >= 128 {
        u128::MAX
    } else {
        1u128 << host_bits
    };
    let offset = if hostnum < 0 {
        size.checked_sub(hostnum.unsigned_abs() as u128)
    } else {
        Some(hostnum as u128)
    };
    match offset.filter(|o| *o < size) {
        Some(o) => Ok(Value::String(network.address_text(network.address + o))),
        None => Err(format!("host number {hostnum} is outside the network")),
    }
}

fn cidrnetmask(args: &[Value]) -> Eval {
    arity(args, 1, 1)?;
    let network = Network::parse(&string(&args[0])?)?;
    if network.bits != 32 {
        return Err("cidrnetmask only supports IPv4".into());
    }
    Ok(Value::String(
        Ipv4Addr::from(mask(network.prefix, 32) as u32).to_string(),
    ))
}
