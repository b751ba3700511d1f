//! A compact open-addressing hash table keyed by 64-bit hashes, and the
//! little binary codec the model file is written with. The table is stored
//! slot by slot, so loading it places entries without hashing anything.

use super::model::ModelError;

/// Values a [`HashTable`] can hold and store.
pub trait Value: Copy + Default + PartialEq + std::fmt::Debug {
    const SIZE: usize;
    fn write(self, out: &mut Vec<u8>);
    fn read(bytes: &[u8]) -> Self;
}

impl Value for u8 {
    const SIZE: usize = 1;
    fn write(self, out: &mut Vec<u8>) {
        out.push(self);
    }
    fn read(bytes: &[u8]) -> u8 {
        bytes[0]
    }
}

impl Value for u32 {
    const SIZE: usize = 4;
    fn write(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
    fn read(bytes: &[u8]) -> u32 {
        u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]])
    }
}

/// Marks an empty slot; a real key of 0 is stored as [`ZERO_KEY`].
const EMPTY: u64 = 0;
const ZERO_KEY: u64 = 0x8000_0000_0000_0001;

/// Maps well-mixed 64-bit hashes to values, with linear probing.
#[derive(Debug, Clone, PartialEq)]
pub struct HashTable<V> {
    keys: Vec<u64>,
    values: Vec<V>,
    len: usize,
    bits: u32,
}

impl<V: Value> Default for HashTable<V> {
    fn default() -> HashTable<V> {
        HashTable::with_bits(4)
    }
}

impl<V: Value> HashTable<V> {
    fn with_bits(bits: u32) -> HashTable<V> {
        HashTable {
            keys: vec![EMPTY; 1 << bits],
            values: vec![V::default(); 1 << bits],
            len: 0,
            bits,
        }
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.len
    }

    #[inline]
    fn find(&self, key: u64) -> (usize, bool) {
        let key = if key == EMPTY { ZERO_KEY } else { key };
        let mask = self.keys.len() - 1;
        let mut slot = (key >> (64 - self.bits)) as usize;
        loop {
            match self.keys[slot] {
                k if k == key => return (slot, true),
                EMPTY => return (slot, false),
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    /// The keys, in slot order.
    pub fn keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.keys.iter().copied().filter(|&k| k != EMPTY)
    }

    #[inline]
    pub fn get(&self, key: u64) -> Option<V> {
        match self.find(key) {
            (slot, true) => Some(self.values[slot]),
            _ => None,
        }
    }

    /// The value of `key`, inserted as the default value when missing.
    pub fn entry(&mut self, key: u64) -> &mut V {
        if (self.len + 1) * 2 > self.keys.len() {
            self.grow();
        }
        let (slot, found) = self.find(key);
        if !found {
            self.keys[slot] = if key == EMPTY { ZERO_KEY } else { key };
            self.len += 1;
        }
        &mut self.values[slot]
    }

    fn grow(&mut self) {
        let mut bigger = HashTable::with_bits(self.bits + 1);
        for (&key, &value) in self.keys.iter().zip(&self.values) {
            if key != EMPTY {
                let (slot, _) = bigger.find(key);
                bigger.keys[slot] = key;
                bigger.values[slot] = value;
            }
        }
        bigger.len = self.len;
        *self = bigger;
    }

    pub fn write(&self, out: &mut Vec<u8>) {
        write_u32(out, self.bits);
        write_u32(out, self.len as u32);
        let mut previous = 0;
        for (slot, (&key, &value)) in self.keys.iter().zip(&self.values).enumerate() {
            if key != EMPTY {
                write_varint(out, (slot - previous) as u64);
                previous = slot;
                out.extend_from_slice(&key.to_le_bytes());
                value.write(out);
            }
        }
    }

    pub fn read(reader: &mut Reader) -> Result<HashTable<V>, ModelError> {
        let bits = reader.u32()?;
        let len = reader.u32()? as usize;
        if !(1..=28).contains(&bits) || len >= 1 << bits {
            return Err(ModelError::Truncated);
        }
        let mut table = HashTable::with_bits(bits);
        let mut slot = 0usize;
        for _ in 0..len {
            slot += usize::try_from(reader.varint()?).map_err(|_| ModelError::Truncated)?;
            let key = reader.u64()?;
            if slot >= table.keys.len() || key == EMPTY {
                return Err(ModelError::Truncated);
            }
            table.keys[slot] = key;
            table.values[slot] = V::read(reader.take(V::SIZE)?);
        }
        table.len = len;
        Ok(table)
    }
}

pub fn write_u32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

pub fn write_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads the model file's primitives, failing on truncation.
pub struct Reader<'a> {
    pub bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if self.bytes.len() < n {
            return Err(ModelError::Truncated);
        }
        let (head, tail) = self.bytes.split_at(n);
        self.bytes = tail;
        Ok(head)
    }

    pub fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::read(self.take(4)?))
    }

    pub fn u64(&mut self) -> Result<u64, ModelError> {
        let raw = self.take(8)?;
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(raw);
        Ok(u64::from_le_bytes(bytes))
    }

    pub fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32()?))
    }

    pub fn varint(&mut self) -> Result<u64, ModelError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.take(1)?[0];
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(ModelError::Truncated)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spread(i: u64) -> u64 {
        i.wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    #[test]
    fn stores_and_finds_many_keys() {
        let mut table: HashTable<u32> = HashTable::default();
        for i in 1..=1000 {
            *table.entry(spread(i)) |= i as u32;
        }
        *table.entry(0) = 7;
        assert_eq!(table.len(), 1001);
        assert_eq!(table.get(spread(999)), Some(999));
        assert_eq!(table.get(0), Some(7));
        assert_eq!(table.get(spread(5000)), None);
    }

    #[test]
    fn round_trips_through_bytes() {
        let mut table: HashTable<u8> = HashTable::default();
        for i in 1..300 {
            *table.entry(spread(i)) = i as u8;
        }
        let mut bytes = Vec::new();
        table.write(&mut bytes);
        let read = HashTable::<u8>::read(&mut Reader { bytes: &bytes }).expect("readable");
        assert_eq!(read, table);
        assert!(HashTable::<u8>::read(&mut Reader {
            bytes: &bytes[..bytes.len() - 3]
        })
        .is_err());
    }
}
