/**
 * Planted structures: groups of persons and the parcels between them, hidden in the ordinary
 * stream (merged in time order) and described in a ground-truth object. A plant is built from
 * the world (outlets, ID uniqueness) and its own seeded Rng, so it is as deterministic as the
 * stream it hides in.
 */
import type { ItemCategory } from '../reference.ts';
import type { Person } from '../persons.ts';
import type { Outlet } from '../world.ts';

/** One planted parcel; courier, waybill and clerk are assigned when it is merged into the stream. */
export interface PlantedParcel {
  /** Index of the local day in the period (0 = first day). */
  readonly dayIndex: number;
  /** Seconds after local midnight. */
  readonly second: number;
  readonly from: Person;
  readonly to: Person;
  /** Member keys of sender and receiver in the plant's ground truth. */
  readonly fromKey: string;
  readonly toKey: string;
  readonly outlet: Outlet;
  readonly itemName: string;
  readonly itemNature: ItemCategory['nature'];
  readonly quantity: number;
  readonly grams: number;
  /** Category key of prohibited-items.yaml when the description names prohibited goods, else null. */
  readonly prohibited: string | null;
}

/** A planted member as written to the ground truth. */
export interface PlantMember {
  readonly key: string;
  readonly role: string;
  readonly name: string;
  /** '' for members who only receive (no ID is recorded for receivers). */
  readonly idNumber: string;
  readonly phone: string;
  readonly address: string;
  readonly province: string;
  readonly divisionCode: string;
}

export interface Plant {
  readonly name: string;
  /** Sorted by (dayIndex, second). */
  readonly parcels: readonly PlantedParcel[];
  /** Called for each planted parcel as it is emitted, with its courier and waybill. */
  emitted(p: PlantedParcel, courier: string, waybillNo: string): void;
  /** The ground truth of the plant (members, links, parcels). */
  truth(): unknown;
}

/** A member record of a planted person. */
export function memberOf(key: string, role: string, p: Person): PlantMember {
  return { key, role, name: p.name, idNumber: p.idNumber, phone: p.phone, address: p.address, province: p.county.province.name, divisionCode: p.county.code };
}

/** Sort planted parcels by time (stable for equal times). */
export function byTime(a: PlantedParcel, b: PlantedParcel): number {
  return a.dayIndex - b.dayIndex || a.second - b.second;
}
