/**
 * Pluggable alert channels (after kysely's typed plugin registry): a channel delivers one
 * message to one recipient address and says what happened. Built in: 'log', which appends one
 * JSON line per delivery to `<dataDir>/reunion-alerts.log` (the record a duty officer can read
 * and a test can check). SMS, app push or broadcast gateways register their own channel.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PlatformContext } from '../../../platform/module.ts';

/** What a channel is asked to deliver. */
export interface AlertMessage {
  readonly alertId: number;
  readonly postId: string;
  /** zh-CN text built from the published fields only. */
  readonly text: string;
  readonly radiusKm: number;
}

/** One recipient: subscriber id and name, the plain address (decrypted only for delivery), distance. */
export interface AlertRecipient {
  readonly subscriberId: number;
  readonly name: string;
  readonly address: string;
  readonly distanceKm: number;
}

/** A delivery outcome. */
export interface DeliveryResult {
  readonly status: 'delivered' | 'failed';
  readonly detail?: string;
}

/** A channel. */
export interface AlertChannel {
  readonly name: string;
  deliver(ctx: PlatformContext, message: AlertMessage, recipient: AlertRecipient): Promise<DeliveryResult>;
}

/** The file the log channel writes. */
export function alertLogPath(ctx: Pick<PlatformContext, 'config'>): string {
  return path.join(ctx.config.dataDir, 'reunion-alerts.log');
}

/** The built-in log channel: one JSON line per delivery (address not written, only the subscriber id). */
export const logChannel: AlertChannel = {
  name: 'log',
  async deliver(ctx, message, recipient) {
    const line = JSON.stringify({ at: ctx.now().toISOString(), alertId: message.alertId, postId: message.postId, subscriberId: recipient.subscriberId, distanceKm: recipient.distanceKm, radiusKm: message.radiusKm, text: message.text });
    fs.mkdirSync(ctx.config.dataDir, { recursive: true });
    await fs.promises.appendFile(alertLogPath(ctx), line + '\n', 'utf8');
    return { status: 'delivered' };
  },
};

const channels = new Map<string, AlertChannel>([[logChannel.name, logChannel]]);

/** Register (or replace) a channel by its name. */
export function registerAlertChannel(channel: AlertChannel): void {
  channels.set(channel.name, channel);
}

/** The channel of that name, or undefined. */
export function alertChannel(name: string): AlertChannel | undefined {
  return channels.get(name);
}

/** Names of the registered channels. */
export function alertChannelNames(): string[] {
  return [...channels.keys()].sort();
}
