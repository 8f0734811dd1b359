import type { Codec, DecodeOptions } from 'protons-runtime';
import type { Uint8ArrayList } from 'uint8arraylist';
export interface Join {
    topic: string;
    subscribers: number;
    reliable: boolean;
}
export declare namespace Join {
    const codec: () => Codec<Join>;
    interface JoinTopicFieldEvent {
        field: '$.topic';
        value: string;
    }
    interface JoinSubscribersFieldEvent {
        field: '$.subscribers';
        value: number;
    }
    interface JoinReliableFieldEvent {
        field: '$.reliable';
        value: boolean;
    }
    function encode(obj: Partial<Join>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Join>): Join;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Join>): Generator<JoinTopicFieldEvent | JoinSubscribersFieldEvent | JoinReliableFieldEvent>;
}
export interface JoinAck {
    topic: string;
    attached: boolean;
    path: string[];
    replaces: string;
    delegate: boolean;
    withdraw: boolean;
}
export declare namespace JoinAck {
    const codec: () => Codec<JoinAck>;
    interface JoinAckTopicFieldEvent {
        field: '$.topic';
        value: string;
    }
    interface JoinAckAttachedFieldEvent {
        field: '$.attached';
        value: boolean;
    }
    interface JoinAckPathFieldEvent {
        field: '$.path[]';
        index: number;
        value: string;
    }
    interface JoinAckReplacesFieldEvent {
        field: '$.replaces';
        value: string;
    }
    interface JoinAckDelegateFieldEvent {
        field: '$.delegate';
        value: boolean;
    }
    interface JoinAckWithdrawFieldEvent {
        field: '$.withdraw';
        value: boolean;
    }
    function encode(obj: Partial<JoinAck>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<JoinAck>): JoinAck;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<JoinAck>): Generator<JoinAckTopicFieldEvent | JoinAckAttachedFieldEvent | JoinAckPathFieldEvent | JoinAckReplacesFieldEvent | JoinAckDelegateFieldEvent | JoinAckWithdrawFieldEvent>;
}
export interface Leave {
    topic: string;
}
export declare namespace Leave {
    const codec: () => Codec<Leave>;
    interface LeaveTopicFieldEvent {
        field: '$.topic';
        value: string;
    }
    function encode(obj: Partial<Leave>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Leave>): Leave;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Leave>): Generator<LeaveTopicFieldEvent>;
}
export interface Header {
    key: string;
    value: string;
}
export declare namespace Header {
    const codec: () => Codec<Header>;
    interface HeaderKeyFieldEvent {
        field: '$.key';
        value: string;
    }
    interface HeaderValueFieldEvent {
        field: '$.value';
        value: string;
    }
    function encode(obj: Partial<Header>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Header>): Header;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Header>): Generator<HeaderKeyFieldEvent | HeaderValueFieldEvent>;
}
export interface AppMessage {
    topic: string;
    publisher: string;
    epoch: number;
    seq: number;
    payload: Uint8Array<ArrayBuffer>;
    headers: Header[];
    ack: boolean;
    floor: number;
    queue: QueueAssign[];
    seal: Uint8Array<ArrayBuffer>;
}
export declare namespace AppMessage {
    const codec: () => Codec<AppMessage>;
    interface AppMessageTopicFieldEvent {
        field: '$.topic';
        value: string;
    }
    interface AppMessagePublisherFieldEvent {
        field: '$.publisher';
        value: string;
    }
    interface AppMessageEpochFieldEvent {
        field: '$.epoch';
        value: number;
    }
    interface AppMessageSeqFieldEvent {
        field: '$.seq';
        value: number;
    }
    interface AppMessagePayloadFieldEvent {
        field: '$.payload';
        value: Uint8Array<ArrayBuffer>;
    }
    interface AppMessageHeadersKeyFieldEvent {
        field: '$.headers[].key';
        value: string;
        index: number;
    }
    interface AppMessageHeadersValueFieldEvent {
        field: '$.headers[].value';
        value: string;
        index: number;
    }
    interface AppMessageAckFieldEvent {
        field: '$.ack';
        value: boolean;
    }
    interface AppMessageFloorFieldEvent {
        field: '$.floor';
        value: number;
    }
    interface AppMessageQueueGroupFieldEvent {
        field: '$.queue[].group';
        value: string;
        index: number;
    }
    interface AppMessageQueueMemberFieldEvent {
        field: '$.queue[].member';
        value: string;
        index: number;
    }
    interface AppMessageSealFieldEvent {
        field: '$.seal';
        value: Uint8Array<ArrayBuffer>;
    }
    function encode(obj: Partial<AppMessage>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<AppMessage>): AppMessage;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<AppMessage>): Generator<AppMessageTopicFieldEvent | AppMessagePublisherFieldEvent | AppMessageEpochFieldEvent | AppMessageSeqFieldEvent | AppMessagePayloadFieldEvent | AppMessageHeadersKeyFieldEvent | AppMessageHeadersValueFieldEvent | AppMessageAckFieldEvent | AppMessageFloorFieldEvent | AppMessageQueueGroupFieldEvent | AppMessageQueueMemberFieldEvent | AppMessageSealFieldEvent>;
}
export interface QueueAssign {
    group: string;
    member: string;
}
export declare namespace QueueAssign {
    const codec: () => Codec<QueueAssign>;
    interface QueueAssignGroupFieldEvent {
        field: '$.group';
        value: string;
    }
    interface QueueAssignMemberFieldEvent {
        field: '$.member';
        value: string;
    }
    function encode(obj: Partial<QueueAssign>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<QueueAssign>): QueueAssign;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<QueueAssign>): Generator<QueueAssignGroupFieldEvent | QueueAssignMemberFieldEvent>;
}
export interface Publish {
    message?: AppMessage;
    direct: boolean;
}
export declare namespace Publish {
    const codec: () => Codec<Publish>;
    interface PublishMessageTopicFieldEvent {
        field: '$.message.topic';
        value: string;
    }
    interface PublishMessagePublisherFieldEvent {
        field: '$.message.publisher';
        value: string;
    }
    interface PublishMessageEpochFieldEvent {
        field: '$.message.epoch';
        value: number;
    }
    interface PublishMessageSeqFieldEvent {
        field: '$.message.seq';
        value: number;
    }
    interface PublishMessagePayloadFieldEvent {
        field: '$.message.payload';
        value: Uint8Array<ArrayBuffer>;
    }
    interface PublishMessageHeadersKeyFieldEvent {
        field: '$.message.headers[].key';
        value: string;
        index: number;
    }
    interface PublishMessageHeadersValueFieldEvent {
        field: '$.message.headers[].value';
        value: string;
        index: number;
    }
    interface PublishMessageAckFieldEvent {
        field: '$.message.ack';
        value: boolean;
    }
    interface PublishMessageFloorFieldEvent {
        field: '$.message.floor';
        value: number;
    }
    interface PublishMessageQueueGroupFieldEvent {
        field: '$.message.queue[].group';
        value: string;
        index: number;
    }
    interface PublishMessageQueueMemberFieldEvent {
        field: '$.message.queue[].member';
        value: string;
        index: number;
    }
    interface PublishMessageSealFieldEvent {
        field: '$.message.seal';
        value: Uint8Array<ArrayBuffer>;
    }
    interface PublishDirectFieldEvent {
        field: '$.direct';
        value: boolean;
    }
    function encode(obj: Partial<Publish>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Publish>): Publish;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Publish>): Generator<PublishMessageTopicFieldEvent | PublishMessagePublisherFieldEvent | PublishMessageEpochFieldEvent | PublishMessageSeqFieldEvent | PublishMessagePayloadFieldEvent | PublishMessageHeadersKeyFieldEvent | PublishMessageHeadersValueFieldEvent | PublishMessageAckFieldEvent | PublishMessageFloorFieldEvent | PublishMessageQueueGroupFieldEvent | PublishMessageQueueMemberFieldEvent | PublishMessageSealFieldEvent | PublishDirectFieldEvent>;
}
export interface Heartbeat {
    topics: string[];
    counts: number[];
    roots: TopicCount[];
}
export declare namespace Heartbeat {
    const codec: () => Codec<Heartbeat>;
    interface HeartbeatTopicsFieldEvent {
        field: '$.topics[]';
        index: number;
        value: string;
    }
    interface HeartbeatCountsFieldEvent {
        field: '$.counts[]';
        index: number;
        value: number;
    }
    interface HeartbeatRootsTopicFieldEvent {
        field: '$.roots[].topic';
        value: string;
        index: number;
    }
    interface HeartbeatRootsSubscribersFieldEvent {
        field: '$.roots[].subscribers';
        value: number;
        index: number;
    }
    interface HeartbeatRootsViaFieldEvent {
        field: '$.roots[].via';
        value: string;
        index: number;
    }
    interface HeartbeatRootsQueuesGroupFieldEvent {
        field: '$.roots[].queues[].group';
        value: string;
        index: number;
    }
    interface HeartbeatRootsQueuesMembersFieldEvent {
        field: '$.roots[].queues[].members[]';
        index: number;
        value: string;
    }
    function encode(obj: Partial<Heartbeat>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Heartbeat>): Heartbeat;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Heartbeat>): Generator<HeartbeatTopicsFieldEvent | HeartbeatCountsFieldEvent | HeartbeatRootsTopicFieldEvent | HeartbeatRootsSubscribersFieldEvent | HeartbeatRootsViaFieldEvent | HeartbeatRootsQueuesGroupFieldEvent | HeartbeatRootsQueuesMembersFieldEvent>;
}
export interface TopicCount {
    topic: string;
    subscribers: number;
    via: string;
    queues: QueueMembers[];
}
export declare namespace TopicCount {
    const codec: () => Codec<TopicCount>;
    interface TopicCountTopicFieldEvent {
        field: '$.topic';
        value: string;
    }
    interface TopicCountSubscribersFieldEvent {
        field: '$.subscribers';
        value: number;
    }
    interface TopicCountViaFieldEvent {
        field: '$.via';
        value: string;
    }
    interface TopicCountQueuesGroupFieldEvent {
        field: '$.queues[].group';
        value: string;
        index: number;
    }
    interface TopicCountQueuesMembersFieldEvent {
        field: '$.queues[].members[]';
        index: number;
        value: string;
    }
    function encode(obj: Partial<TopicCount>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TopicCount>): TopicCount;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TopicCount>): Generator<TopicCountTopicFieldEvent | TopicCountSubscribersFieldEvent | TopicCountViaFieldEvent | TopicCountQueuesGroupFieldEvent | TopicCountQueuesMembersFieldEvent>;
}
export interface QueueMembers {
    group: string;
    members: string[];
}
export declare namespace QueueMembers {
    const codec: () => Codec<QueueMembers>;
    interface QueueMembersGroupFieldEvent {
        field: '$.group';
        value: string;
    }
    interface QueueMembersMembersFieldEvent {
        field: '$.members[]';
        index: number;
        value: string;
    }
    function encode(obj: Partial<QueueMembers>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<QueueMembers>): QueueMembers;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<QueueMembers>): Generator<QueueMembersGroupFieldEvent | QueueMembersMembersFieldEvent>;
}
export interface Replica {
    entries: ReplicaEntry[];
}
export declare namespace Replica {
    const codec: () => Codec<Replica>;
    interface ReplicaEntriesTopicFieldEvent {
        field: '$.entries[].topic';
        value: string;
        index: number;
    }
    interface ReplicaEntriesChildrenFieldEvent {
        field: '$.entries[].children[]';
        index: number;
        value: string;
    }
    interface ReplicaEntriesDroppedFieldEvent {
        field: '$.entries[].dropped';
        value: boolean;
        index: number;
    }
    interface ReplicaEntriesRankFieldEvent {
        field: '$.entries[].rank';
        value: number;
        index: number;
    }
    interface ReplicaEntriesMoreFieldEvent {
        field: '$.entries[].more';
        value: boolean;
        index: number;
    }
    function encode(obj: Partial<Replica>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Replica>): Replica;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Replica>): Generator<ReplicaEntriesTopicFieldEvent | ReplicaEntriesChildrenFieldEvent | ReplicaEntriesDroppedFieldEvent | ReplicaEntriesRankFieldEvent | ReplicaEntriesMoreFieldEvent>;
}
export interface ReplicaEntry {
    topic: string;
    children: string[];
    dropped: boolean;
    rank: number;
    more: boolean;
}
export declare namespace ReplicaEntry {
    const codec: () => Codec<ReplicaEntry>;
    interface ReplicaEntryTopicFieldEvent {
        field: '$.topic';
        value: string;
    }
    interface ReplicaEntryChildrenFieldEvent {
        field: '$.children[]';
        index: number;
        value: string;
    }
    interface ReplicaEntryDroppedFieldEvent {
        field: '$.dropped';
        value: boolean;
    }
    interface ReplicaEntryRankFieldEvent {
        field: '$.rank';
        value: number;
    }
    interface ReplicaEntryMoreFieldEvent {
        field: '$.more';
        value: boolean;
    }
    function encode(obj: Partial<ReplicaEntry>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ReplicaEntry>): ReplicaEntry;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ReplicaEntry>): Generator<ReplicaEntryTopicFieldEvent | ReplicaEntryChildrenFieldEvent | ReplicaEntryDroppedFieldEvent | ReplicaEntryRankFieldEvent | ReplicaEntryMoreFieldEvent>;
}
export interface Redirect {
    topic: string;
    candidates: string[];
}
export declare namespace Redirect {
    const codec: () => Codec<Redirect>;
    interface RedirectTopicFieldEvent {
        field: '$.topic';
        value: string;
    }
    interface RedirectCandidatesFieldEvent {
        field: '$.candidates[]';
        index: number;
        value: string;
    }
    function encode(obj: Partial<Redirect>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Redirect>): Redirect;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Redirect>): Generator<RedirectTopicFieldEvent | RedirectCandidatesFieldEvent>;
}
export interface RootInfo {
    topic: string;
    subscribers: number;
}
export declare namespace RootInfo {
    const codec: () => Codec<RootInfo>;
    interface RootInfoTopicFieldEvent {
        field: '$.topic';
        value: string;
    }
    interface RootInfoSubscribersFieldEvent {
        field: '$.subscribers';
        value: number;
    }
    function encode(obj: Partial<RootInfo>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RootInfo>): RootInfo;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RootInfo>): Generator<RootInfoTopicFieldEvent | RootInfoSubscribersFieldEvent>;
}
export interface RouteAck {
    topic: string;
    publisher: string;
    seq: number;
}
export declare namespace RouteAck {
    const codec: () => Codec<RouteAck>;
    interface RouteAckTopicFieldEvent {
        field: '$.topic';
        value: string;
    }
    interface RouteAckPublisherFieldEvent {
        field: '$.publisher';
        value: string;
    }
    interface RouteAckSeqFieldEvent {
        field: '$.seq';
        value: number;
    }
    function encode(obj: Partial<RouteAck>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RouteAck>): RouteAck;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RouteAck>): Generator<RouteAckTopicFieldEvent | RouteAckPublisherFieldEvent | RouteAckSeqFieldEvent>;
}
export interface Nack {
    topic: string;
    publisher: string;
    epoch: number;
    from: number;
    to: number;
    requester: string;
    maxAge: number;
}
export declare namespace Nack {
    const codec: () => Codec<Nack>;
    interface NackTopicFieldEvent {
        field: '$.topic';
        value: string;
    }
    interface NackPublisherFieldEvent {
        field: '$.publisher';
        value: string;
    }
    interface NackEpochFieldEvent {
        field: '$.epoch';
        value: number;
    }
    interface NackFromFieldEvent {
        field: '$.from';
        value: number;
    }
    interface NackToFieldEvent {
        field: '$.to';
        value: number;
    }
    interface NackRequesterFieldEvent {
        field: '$.requester';
        value: string;
    }
    interface NackMaxAgeFieldEvent {
        field: '$.maxAge';
        value: number;
    }
    function encode(obj: Partial<Nack>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Nack>): Nack;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Nack>): Generator<NackTopicFieldEvent | NackPublisherFieldEvent | NackEpochFieldEvent | NackFromFieldEvent | NackToFieldEvent | NackRequesterFieldEvent | NackMaxAgeFieldEvent>;
}
export interface Replay {
    message?: AppMessage;
}
export declare namespace Replay {
    const codec: () => Codec<Replay>;
    interface ReplayMessageTopicFieldEvent {
        field: '$.message.topic';
        value: string;
    }
    interface ReplayMessagePublisherFieldEvent {
        field: '$.message.publisher';
        value: string;
    }
    interface ReplayMessageEpochFieldEvent {
        field: '$.message.epoch';
        value: number;
    }
    interface ReplayMessageSeqFieldEvent {
        field: '$.message.seq';
        value: number;
    }
    interface ReplayMessagePayloadFieldEvent {
        field: '$.message.payload';
        value: Uint8Array<ArrayBuffer>;
    }
    interface ReplayMessageHeadersKeyFieldEvent {
        field: '$.message.headers[].key';
        value: string;
        index: number;
    }
    interface ReplayMessageHeadersValueFieldEvent {
        field: '$.message.headers[].value';
        value: string;
        index: number;
    }
    interface ReplayMessageAckFieldEvent {
        field: '$.message.ack';
        value: boolean;
    }
    interface ReplayMessageFloorFieldEvent {
        field: '$.message.floor';
        value: number;
    }
    interface ReplayMessageQueueGroupFieldEvent {
        field: '$.message.queue[].group';
        value: string;
        index: number;
    }
    interface ReplayMessageQueueMemberFieldEvent {
        field: '$.message.queue[].member';
        value: string;
        index: number;
    }
    interface ReplayMessageSealFieldEvent {
        field: '$.message.seal';
        value: Uint8Array<ArrayBuffer>;
    }
    function encode(obj: Partial<Replay>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Replay>): Replay;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Replay>): Generator<ReplayMessageTopicFieldEvent | ReplayMessagePublisherFieldEvent | ReplayMessageEpochFieldEvent | ReplayMessageSeqFieldEvent | ReplayMessagePayloadFieldEvent | ReplayMessageHeadersKeyFieldEvent | ReplayMessageHeadersValueFieldEvent | ReplayMessageAckFieldEvent | ReplayMessageFloorFieldEvent | ReplayMessageQueueGroupFieldEvent | ReplayMessageQueueMemberFieldEvent | ReplayMessageSealFieldEvent>;
}
export interface Stash {
    message?: AppMessage;
}
export declare namespace Stash {
    const codec: () => Codec<Stash>;
    interface StashMessageTopicFieldEvent {
        field: '$.message.topic';
        value: string;
    }
    interface StashMessagePublisherFieldEvent {
        field: '$.message.publisher';
        value: string;
    }
    interface StashMessageEpochFieldEvent {
        field: '$.message.epoch';
        value: number;
    }
    interface StashMessageSeqFieldEvent {
        field: '$.message.seq';
        value: number;
    }
    interface StashMessagePayloadFieldEvent {
        field: '$.message.payload';
        value: Uint8Array<ArrayBuffer>;
    }
    interface StashMessageHeadersKeyFieldEvent {
        field: '$.message.headers[].key';
        value: string;
        index: number;
    }
    interface StashMessageHeadersValueFieldEvent {
        field: '$.message.headers[].value';
        value: string;
        index: number;
    }
    interface StashMessageAckFieldEvent {
        field: '$.message.ack';
        value: boolean;
    }
    interface StashMessageFloorFieldEvent {
        field: '$.message.floor';
        value: number;
    }
    interface StashMessageQueueGroupFieldEvent {
        field: '$.message.queue[].group';
        value: string;
        index: number;
    }
    interface StashMessageQueueMemberFieldEvent {
        field: '$.message.queue[].member';
        value: string;
        index: number;
    }
    interface StashMessageSealFieldEvent {
        field: '$.message.seal';
        value: Uint8Array<ArrayBuffer>;
    }
    function encode(obj: Partial<Stash>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Stash>): Stash;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Stash>): Generator<StashMessageTopicFieldEvent | StashMessagePublisherFieldEvent | StashMessageEpochFieldEvent | StashMessageSeqFieldEvent | StashMessagePayloadFieldEvent | StashMessageHeadersKeyFieldEvent | StashMessageHeadersValueFieldEvent | StashMessageAckFieldEvent | StashMessageFloorFieldEvent | StashMessageQueueGroupFieldEvent | StashMessageQueueMemberFieldEvent | StashMessageSealFieldEvent>;
}
export interface PublishAck {
    topic: string;
    publisher: string;
    epoch: number;
    seq: number;
}
export declare namespace PublishAck {
    const codec: () => Codec<PublishAck>;
    interface PublishAckTopicFieldEvent {
        field: '$.topic';
        value: string;
    }
    interface PublishAckPublisherFieldEvent {
        field: '$.publisher';
        value: string;
    }
    interface PublishAckEpochFieldEvent {
        field: '$.epoch';
        value: number;
    }
    interface PublishAckSeqFieldEvent {
        field: '$.seq';
        value: number;
    }
    function encode(obj: Partial<PublishAck>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PublishAck>): PublishAck;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PublishAck>): Generator<PublishAckTopicFieldEvent | PublishAckPublisherFieldEvent | PublishAckEpochFieldEvent | PublishAckSeqFieldEvent>;
}
export interface Since {
    topic: string;
    seq: number;
    time: number;
    last: number;
    done: boolean;
    requester: string;
}
export declare namespace Since {
    const codec: () => Codec<Since>;
    interface SinceTopicFieldEvent {
        field: '$.topic';
        value: string;
    }
    interface SinceSeqFieldEvent {
        field: '$.seq';
        value: number;
    }
    interface SinceTimeFieldEvent {
        field: '$.time';
        value: number;
    }
    interface SinceLastFieldEvent {
        field: '$.last';
        value: number;
    }
    interface SinceDoneFieldEvent {
        field: '$.done';
        value: boolean;
    }
    interface SinceRequesterFieldEvent {
        field: '$.requester';
        value: string;
    }
    function encode(obj: Partial<Since>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Since>): Since;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Since>): Generator<SinceTopicFieldEvent | SinceSeqFieldEvent | SinceTimeFieldEvent | SinceLastFieldEvent | SinceDoneFieldEvent | SinceRequesterFieldEvent>;
}
export interface Reply {
    topic: string;
    request: number;
    payload: Uint8Array<ArrayBuffer>;
    headers: Header[];
}
export declare namespace Reply {
    const codec: () => Codec<Reply>;
    interface ReplyTopicFieldEvent {
        field: '$.topic';
        value: string;
    }
    interface ReplyRequestFieldEvent {
        field: '$.request';
        value: number;
    }
    interface ReplyPayloadFieldEvent {
        field: '$.payload';
        value: Uint8Array<ArrayBuffer>;
    }
    interface ReplyHeadersKeyFieldEvent {
        field: '$.headers[].key';
        value: string;
        index: number;
    }
    interface ReplyHeadersValueFieldEvent {
        field: '$.headers[].value';
        value: string;
        index: number;
    }
    function encode(obj: Partial<Reply>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Reply>): Reply;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Reply>): Generator<ReplyTopicFieldEvent | ReplyRequestFieldEvent | ReplyPayloadFieldEvent | ReplyHeadersKeyFieldEvent | ReplyHeadersValueFieldEvent>;
}
export interface QueueJoin {
    topic: string;
    group: string;
    leave: boolean;
    maxAckPending: number;
    plain: boolean;
}
export declare namespace QueueJoin {
    const codec: () => Codec<QueueJoin>;
    interface QueueJoinTopicFieldEvent {
        field: '$.topic';
        value: string;
    }
    interface QueueJoinGroupFieldEvent {
        field: '$.group';
        value: string;
    }
    interface QueueJoinLeaveFieldEvent {
        field: '$.leave';
        value: boolean;
    }
    interface QueueJoinMaxAckPendingFieldEvent {
        field: '$.maxAckPending';
        value: number;
    }
    interface QueueJoinPlainFieldEvent {
        field: '$.plain';
        value: boolean;
    }
    function encode(obj: Partial<QueueJoin>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<QueueJoin>): QueueJoin;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<QueueJoin>): Generator<QueueJoinTopicFieldEvent | QueueJoinGroupFieldEvent | QueueJoinLeaveFieldEvent | QueueJoinMaxAckPendingFieldEvent | QueueJoinPlainFieldEvent>;
}
export interface QueueDeliver {
    group: string;
    message?: AppMessage;
    attempt: number;
}
export declare namespace QueueDeliver {
    const codec: () => Codec<QueueDeliver>;
    interface QueueDeliverGroupFieldEvent {
        field: '$.group';
        value: string;
    }
    interface QueueDeliverMessageTopicFieldEvent {
        field: '$.message.topic';
        value: string;
    }
    interface QueueDeliverMessagePublisherFieldEvent {
        field: '$.message.publisher';
        value: string;
    }
    interface QueueDeliverMessageEpochFieldEvent {
        field: '$.message.epoch';
        value: number;
    }
    interface QueueDeliverMessageSeqFieldEvent {
        field: '$.message.seq';
        value: number;
    }
    interface QueueDeliverMessagePayloadFieldEvent {
        field: '$.message.payload';
        value: Uint8Array<ArrayBuffer>;
    }
    interface QueueDeliverMessageHeadersKeyFieldEvent {
        field: '$.message.headers[].key';
        value: string;
        index: number;
    }
    interface QueueDeliverMessageHeadersValueFieldEvent {
        field: '$.message.headers[].value';
        value: string;
        index: number;
    }
    interface QueueDeliverMessageAckFieldEvent {
        field: '$.message.ack';
        value: boolean;
    }
    interface QueueDeliverMessageFloorFieldEvent {
        field: '$.message.floor';
        value: number;
    }
    interface QueueDeliverMessageQueueGroupFieldEvent {
        field: '$.message.queue[].group';
        value: string;
        index: number;
    }
    interface QueueDeliverMessageQueueMemberFieldEvent {
        field: '$.message.queue[].member';
        value: string;
        index: number;
    }
    interface QueueDeliverMessageSealFieldEvent {
        field: '$.message.seal';
        value: Uint8Array<ArrayBuffer>;
    }
    interface QueueDeliverAttemptFieldEvent {
        field: '$.attempt';
        value: number;
    }
    function encode(obj: Partial<QueueDeliver>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<QueueDeliver>): QueueDeliver;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<QueueDeliver>): Generator<QueueDeliverGroupFieldEvent | QueueDeliverMessageTopicFieldEvent | QueueDeliverMessagePublisherFieldEvent | QueueDeliverMessageEpochFieldEvent | QueueDeliverMessageSeqFieldEvent | QueueDeliverMessagePayloadFieldEvent | QueueDeliverMessageHeadersKeyFieldEvent | QueueDeliverMessageHeadersValueFieldEvent | QueueDeliverMessageAckFieldEvent | QueueDeliverMessageFloorFieldEvent | QueueDeliverMessageQueueGroupFieldEvent | QueueDeliverMessageQueueMemberFieldEvent | QueueDeliverMessageSealFieldEvent | QueueDeliverAttemptFieldEvent>;
}
export interface QueueAck {
    topic: string;
    group: string;
    publisher: string;
    epoch: number;
    seq: number;
    kind: number;
    delay: number;
}
export declare namespace QueueAck {
    const codec: () => Codec<QueueAck>;
    interface QueueAckTopicFieldEvent {
        field: '$.topic';
        value: string;
    }
    interface QueueAckGroupFieldEvent {
        field: '$.group';
        value: string;
    }
    interface QueueAckPublisherFieldEvent {
        field: '$.publisher';
        value: string;
    }
    interface QueueAckEpochFieldEvent {
        field: '$.epoch';
        value: number;
    }
    interface QueueAckSeqFieldEvent {
        field: '$.seq';
        value: number;
    }
    interface QueueAckKindFieldEvent {
        field: '$.kind';
        value: number;
    }
    interface QueueAckDelayFieldEvent {
        field: '$.delay';
        value: number;
    }
    function encode(obj: Partial<QueueAck>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<QueueAck>): QueueAck;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<QueueAck>): Generator<QueueAckTopicFieldEvent | QueueAckGroupFieldEvent | QueueAckPublisherFieldEvent | QueueAckEpochFieldEvent | QueueAckSeqFieldEvent | QueueAckKindFieldEvent | QueueAckDelayFieldEvent>;
}
export interface MessageRef {
    publisher: string;
    epoch: number;
    seq: number;
}
export declare namespace MessageRef {
    const codec: () => Codec<MessageRef>;
    interface MessageRefPublisherFieldEvent {
        field: '$.publisher';
        value: string;
    }
    interface MessageRefEpochFieldEvent {
        field: '$.epoch';
        value: number;
    }
    interface MessageRefSeqFieldEvent {
        field: '$.seq';
        value: number;
    }
    function encode(obj: Partial<MessageRef>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<MessageRef>): MessageRef;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<MessageRef>): Generator<MessageRefPublisherFieldEvent | MessageRefEpochFieldEvent | MessageRefSeqFieldEvent>;
}
export interface MailboxOpen {
    name: string;
    topic: string;
    subscriber: string;
    mode: number;
}
export declare namespace MailboxOpen {
    const codec: () => Codec<MailboxOpen>;
    interface MailboxOpenNameFieldEvent {
        field: '$.name';
        value: string;
    }
    interface MailboxOpenTopicFieldEvent {
        field: '$.topic';
        value: string;
    }
    interface MailboxOpenSubscriberFieldEvent {
        field: '$.subscriber';
        value: string;
    }
    interface MailboxOpenModeFieldEvent {
        field: '$.mode';
        value: number;
    }
    function encode(obj: Partial<MailboxOpen>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<MailboxOpen>): MailboxOpen;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<MailboxOpen>): Generator<MailboxOpenNameFieldEvent | MailboxOpenTopicFieldEvent | MailboxOpenSubscriberFieldEvent | MailboxOpenModeFieldEvent>;
}
export interface MailboxState {
    name: string;
    topic: string;
    ready: boolean;
    stored: number;
    dropped: number;
}
export declare namespace MailboxState {
    const codec: () => Codec<MailboxState>;
    interface MailboxStateNameFieldEvent {
        field: '$.name';
        value: string;
    }
    interface MailboxStateTopicFieldEvent {
        field: '$.topic';
        value: string;
    }
    interface MailboxStateReadyFieldEvent {
        field: '$.ready';
        value: boolean;
    }
    interface MailboxStateStoredFieldEvent {
        field: '$.stored';
        value: number;
    }
    interface MailboxStateDroppedFieldEvent {
        field: '$.dropped';
        value: number;
    }
    function encode(obj: Partial<MailboxState>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<MailboxState>): MailboxState;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<MailboxState>): Generator<MailboxStateNameFieldEvent | MailboxStateTopicFieldEvent | MailboxStateReadyFieldEvent | MailboxStateStoredFieldEvent | MailboxStateDroppedFieldEvent>;
}
export interface MailboxDeliver {
    name: string;
    message?: AppMessage;
}
export declare namespace MailboxDeliver {
    const codec: () => Codec<MailboxDeliver>;
    interface MailboxDeliverNameFieldEvent {
        field: '$.name';
        value: string;
    }
    interface MailboxDeliverMessageTopicFieldEvent {
        field: '$.message.topic';
        value: string;
    }
    interface MailboxDeliverMessagePublisherFieldEvent {
        field: '$.message.publisher';
        value: string;
    }
    interface MailboxDeliverMessageEpochFieldEvent {
        field: '$.message.epoch';
        value: number;
    }
    interface MailboxDeliverMessageSeqFieldEvent {
        field: '$.message.seq';
        value: number;
    }
    interface MailboxDeliverMessagePayloadFieldEvent {
        field: '$.message.payload';
        value: Uint8Array<ArrayBuffer>;
    }
    interface MailboxDeliverMessageHeadersKeyFieldEvent {
        field: '$.message.headers[].key';
        value: string;
        index: number;
    }
    interface MailboxDeliverMessageHeadersValueFieldEvent {
        field: '$.message.headers[].value';
        value: string;
        index: number;
    }
    interface MailboxDeliverMessageAckFieldEvent {
        field: '$.message.ack';
        value: boolean;
    }
    interface MailboxDeliverMessageFloorFieldEvent {
        field: '$.message.floor';
        value: number;
    }
    interface MailboxDeliverMessageQueueGroupFieldEvent {
        field: '$.message.queue[].group';
        value: string;
        index: number;
    }
    interface MailboxDeliverMessageQueueMemberFieldEvent {
        field: '$.message.queue[].member';
        value: string;
        index: number;
    }
    interface MailboxDeliverMessageSealFieldEvent {
        field: '$.message.seal';
        value: Uint8Array<ArrayBuffer>;
    }
    function encode(obj: Partial<MailboxDeliver>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<MailboxDeliver>): MailboxDeliver;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<MailboxDeliver>): Generator<MailboxDeliverNameFieldEvent | MailboxDeliverMessageTopicFieldEvent | MailboxDeliverMessagePublisherFieldEvent | MailboxDeliverMessageEpochFieldEvent | MailboxDeliverMessageSeqFieldEvent | MailboxDeliverMessagePayloadFieldEvent | MailboxDeliverMessageHeadersKeyFieldEvent | MailboxDeliverMessageHeadersValueFieldEvent | MailboxDeliverMessageAckFieldEvent | MailboxDeliverMessageFloorFieldEvent | MailboxDeliverMessageQueueGroupFieldEvent | MailboxDeliverMessageQueueMemberFieldEvent | MailboxDeliverMessageSealFieldEvent>;
}
export interface MailboxAck {
    name: string;
    topic: string;
    ids: MessageRef[];
}
export declare namespace MailboxAck {
    const codec: () => Codec<MailboxAck>;
    interface MailboxAckNameFieldEvent {
        field: '$.name';
        value: string;
    }
    interface MailboxAckTopicFieldEvent {
        field: '$.topic';
        value: string;
    }
    interface MailboxAckIdsPublisherFieldEvent {
        field: '$.ids[].publisher';
        value: string;
        index: number;
    }
    interface MailboxAckIdsEpochFieldEvent {
        field: '$.ids[].epoch';
        value: number;
        index: number;
    }
    interface MailboxAckIdsSeqFieldEvent {
        field: '$.ids[].seq';
        value: number;
        index: number;
    }
    function encode(obj: Partial<MailboxAck>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<MailboxAck>): MailboxAck;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<MailboxAck>): Generator<MailboxAckNameFieldEvent | MailboxAckTopicFieldEvent | MailboxAckIdsPublisherFieldEvent | MailboxAckIdsEpochFieldEvent | MailboxAckIdsSeqFieldEvent>;
}
export interface MailboxSync {
    name: string;
    topic: string;
    acked: MessageRef[];
    messages: AppMessage[];
    request: boolean;
    hold: boolean;
}
export declare namespace MailboxSync {
    const codec: () => Codec<MailboxSync>;
    interface MailboxSyncNameFieldEvent {
        field: '$.name';
        value: string;
    }
    interface MailboxSyncTopicFieldEvent {
        field: '$.topic';
        value: string;
    }
    interface MailboxSyncAckedPublisherFieldEvent {
        field: '$.acked[].publisher';
        value: string;
        index: number;
    }
    interface MailboxSyncAckedEpochFieldEvent {
        field: '$.acked[].epoch';
        value: number;
        index: number;
    }
    interface MailboxSyncAckedSeqFieldEvent {
        field: '$.acked[].seq';
        value: number;
        index: number;
    }
    interface MailboxSyncMessagesTopicFieldEvent {
        field: '$.messages[].topic';
        value: string;
        index: number;
    }
    interface MailboxSyncMessagesPublisherFieldEvent {
        field: '$.messages[].publisher';
        value: string;
        index: number;
    }
    interface MailboxSyncMessagesEpochFieldEvent {
        field: '$.messages[].epoch';
        value: number;
        index: number;
    }
    interface MailboxSyncMessagesSeqFieldEvent {
        field: '$.messages[].seq';
        value: number;
        index: number;
    }
    interface MailboxSyncMessagesPayloadFieldEvent {
        field: '$.messages[].payload';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    interface MailboxSyncMessagesHeadersKeyFieldEvent {
        field: '$.messages[].headers[].key';
        value: string;
        index: number;
    }
    interface MailboxSyncMessagesHeadersValueFieldEvent {
        field: '$.messages[].headers[].value';
        value: string;
        index: number;
    }
    interface MailboxSyncMessagesAckFieldEvent {
        field: '$.messages[].ack';
        value: boolean;
        index: number;
    }
    interface MailboxSyncMessagesFloorFieldEvent {
        field: '$.messages[].floor';
        value: number;
        index: number;
    }
    interface MailboxSyncMessagesQueueGroupFieldEvent {
        field: '$.messages[].queue[].group';
        value: string;
        index: number;
    }
    interface MailboxSyncMessagesQueueMemberFieldEvent {
        field: '$.messages[].queue[].member';
        value: string;
        index: number;
    }
    interface MailboxSyncMessagesSealFieldEvent {
        field: '$.messages[].seal';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    interface MailboxSyncRequestFieldEvent {
        field: '$.request';
        value: boolean;
    }
    interface MailboxSyncHoldFieldEvent {
        field: '$.hold';
        value: boolean;
    }
    function encode(obj: Partial<MailboxSync>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<MailboxSync>): MailboxSync;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<MailboxSync>): Generator<MailboxSyncNameFieldEvent | MailboxSyncTopicFieldEvent | MailboxSyncAckedPublisherFieldEvent | MailboxSyncAckedEpochFieldEvent | MailboxSyncAckedSeqFieldEvent | MailboxSyncMessagesTopicFieldEvent | MailboxSyncMessagesPublisherFieldEvent | MailboxSyncMessagesEpochFieldEvent | MailboxSyncMessagesSeqFieldEvent | MailboxSyncMessagesPayloadFieldEvent | MailboxSyncMessagesHeadersKeyFieldEvent | MailboxSyncMessagesHeadersValueFieldEvent | MailboxSyncMessagesAckFieldEvent | MailboxSyncMessagesFloorFieldEvent | MailboxSyncMessagesQueueGroupFieldEvent | MailboxSyncMessagesQueueMemberFieldEvent | MailboxSyncMessagesSealFieldEvent | MailboxSyncRequestFieldEvent | MailboxSyncHoldFieldEvent>;
}
export interface Envelope {
    join?: Join;
    joinAck?: JoinAck;
    leave?: Leave;
    publish?: Publish;
    data?: AppMessage;
    heartbeat?: Heartbeat;
    replica?: Replica;
    redirect?: Redirect;
    rootInfo?: RootInfo;
    routeAck?: RouteAck;
    nack?: Nack;
    replay?: Replay;
    stash?: Stash;
    publishAck?: PublishAck;
    since?: Since;
    reply?: Reply;
    queueJoin?: QueueJoin;
    queueDeliver?: QueueDeliver;
    queueAck?: QueueAck;
    mailboxOpen?: MailboxOpen;
    mailboxState?: MailboxState;
    mailboxDeliver?: MailboxDeliver;
    mailboxAck?: MailboxAck;
    mailboxSync?: MailboxSync;
    grants?: Grants;
}
export declare namespace Envelope {
    const codec: () => Codec<Envelope>;
    interface EnvelopeJoinTopicFieldEvent {
        field: '$.join.topic';
        value: string;
    }
    interface EnvelopeJoinSubscribersFieldEvent {
        field: '$.join.subscribers';
        value: number;
    }
    interface EnvelopeJoinReliableFieldEvent {
        field: '$.join.reliable';
        value: boolean;
    }
    interface EnvelopeJoinAckTopicFieldEvent {
        field: '$.joinAck.topic';
        value: string;
    }
    interface EnvelopeJoinAckAttachedFieldEvent {
        field: '$.joinAck.attached';
        value: boolean;
    }
    interface EnvelopeJoinAckPathFieldEvent {
        field: '$.joinAck.path[]';
        index: number;
        value: string;
    }
    interface EnvelopeJoinAckReplacesFieldEvent {
        field: '$.joinAck.replaces';
        value: string;
    }
    interface EnvelopeJoinAckDelegateFieldEvent {
        field: '$.joinAck.delegate';
        value: boolean;
    }
    interface EnvelopeJoinAckWithdrawFieldEvent {
        field: '$.joinAck.withdraw';
        value: boolean;
    }
    interface EnvelopeLeaveTopicFieldEvent {
        field: '$.leave.topic';
        value: string;
    }
    interface EnvelopePublishMessageTopicFieldEvent {
        field: '$.publish.message.topic';
        value: string;
    }
    interface EnvelopePublishMessagePublisherFieldEvent {
        field: '$.publish.message.publisher';
        value: string;
    }
    interface EnvelopePublishMessageEpochFieldEvent {
        field: '$.publish.message.epoch';
        value: number;
    }
    interface EnvelopePublishMessageSeqFieldEvent {
        field: '$.publish.message.seq';
        value: number;
    }
    interface EnvelopePublishMessagePayloadFieldEvent {
        field: '$.publish.message.payload';
        value: Uint8Array<ArrayBuffer>;
    }
    interface EnvelopePublishMessageHeadersKeyFieldEvent {
        field: '$.publish.message.headers[].key';
        value: string;
        index: number;
    }
    interface EnvelopePublishMessageHeadersValueFieldEvent {
        field: '$.publish.message.headers[].value';
        value: string;
        index: number;
    }
    interface EnvelopePublishMessageAckFieldEvent {
        field: '$.publish.message.ack';
        value: boolean;
    }
    interface EnvelopePublishMessageFloorFieldEvent {
        field: '$.publish.message.floor';
        value: number;
    }
    interface EnvelopePublishMessageQueueGroupFieldEvent {
        field: '$.publish.message.queue[].group';
        value: string;
        index: number;
    }
    interface EnvelopePublishMessageQueueMemberFieldEvent {
        field: '$.publish.message.queue[].member';
        value: string;
        index: number;
    }
    interface EnvelopePublishMessageSealFieldEvent {
        field: '$.publish.message.seal';
        value: Uint8Array<ArrayBuffer>;
    }
    interface EnvelopePublishDirectFieldEvent {
        field: '$.publish.direct';
        value: boolean;
    }
    interface EnvelopeDataTopicFieldEvent {
        field: '$.data.topic';
        value: string;
    }
    interface EnvelopeDataPublisherFieldEvent {
        field: '$.data.publisher';
        value: string;
    }
    interface EnvelopeDataEpochFieldEvent {
        field: '$.data.epoch';
        value: number;
    }
    interface EnvelopeDataSeqFieldEvent {
        field: '$.data.seq';
        value: number;
    }
    interface EnvelopeDataPayloadFieldEvent {
        field: '$.data.payload';
        value: Uint8Array<ArrayBuffer>;
    }
    interface EnvelopeDataHeadersKeyFieldEvent {
        field: '$.data.headers[].key';
        value: string;
        index: number;
    }
    interface EnvelopeDataHeadersValueFieldEvent {
        field: '$.data.headers[].value';
        value: string;
        index: number;
    }
    interface EnvelopeDataAckFieldEvent {
        field: '$.data.ack';
        value: boolean;
    }
    interface EnvelopeDataFloorFieldEvent {
        field: '$.data.floor';
        value: number;
    }
    interface EnvelopeDataQueueGroupFieldEvent {
        field: '$.data.queue[].group';
        value: string;
        index: number;
    }
    interface EnvelopeDataQueueMemberFieldEvent {
        field: '$.data.queue[].member';
        value: string;
        index: number;
    }
    interface EnvelopeDataSealFieldEvent {
        field: '$.data.seal';
        value: Uint8Array<ArrayBuffer>;
    }
    interface EnvelopeHeartbeatTopicsFieldEvent {
        field: '$.heartbeat.topics[]';
        index: number;
        value: string;
    }
    interface EnvelopeHeartbeatCountsFieldEvent {
        field: '$.heartbeat.counts[]';
        index: number;
        value: number;
    }
    interface EnvelopeHeartbeatRootsTopicFieldEvent {
        field: '$.heartbeat.roots[].topic';
        value: string;
        index: number;
    }
    interface EnvelopeHeartbeatRootsSubscribersFieldEvent {
        field: '$.heartbeat.roots[].subscribers';
        value: number;
        index: number;
    }
    interface EnvelopeHeartbeatRootsViaFieldEvent {
        field: '$.heartbeat.roots[].via';
        value: string;
        index: number;
    }
    interface EnvelopeHeartbeatRootsQueuesGroupFieldEvent {
        field: '$.heartbeat.roots[].queues[].group';
        value: string;
        index: number;
    }
    interface EnvelopeHeartbeatRootsQueuesMembersFieldEvent {
        field: '$.heartbeat.roots[].queues[].members[]';
        index: number;
        value: string;
    }
    interface EnvelopeReplicaEntriesTopicFieldEvent {
        field: '$.replica.entries[].topic';
        value: string;
        index: number;
    }
    interface EnvelopeReplicaEntriesChildrenFieldEvent {
        field: '$.replica.entries[].children[]';
        index: number;
        value: string;
    }
    interface EnvelopeReplicaEntriesDroppedFieldEvent {
        field: '$.replica.entries[].dropped';
        value: boolean;
        index: number;
    }
    interface EnvelopeReplicaEntriesRankFieldEvent {
        field: '$.replica.entries[].rank';
        value: number;
        index: number;
    }
    interface EnvelopeReplicaEntriesMoreFieldEvent {
        field: '$.replica.entries[].more';
        value: boolean;
        index: number;
    }
    interface EnvelopeRedirectTopicFieldEvent {
        field: '$.redirect.topic';
        value: string;
    }
    interface EnvelopeRedirectCandidatesFieldEvent {
        field: '$.redirect.candidates[]';
        index: number;
        value: string;
    }
    interface EnvelopeRootInfoTopicFieldEvent {
        field: '$.rootInfo.topic';
        value: string;
    }
    interface EnvelopeRootInfoSubscribersFieldEvent {
        field: '$.rootInfo.subscribers';
        value: number;
    }
    interface EnvelopeRouteAckTopicFieldEvent {
        field: '$.routeAck.topic';
        value: string;
    }
    interface EnvelopeRouteAckPublisherFieldEvent {
        field: '$.routeAck.publisher';
        value: string;
    }
    interface EnvelopeRouteAckSeqFieldEvent {
        field: '$.routeAck.seq';
        value: number;
    }
    interface EnvelopeNackTopicFieldEvent {
        field: '$.nack.topic';
        value: string;
    }
    interface EnvelopeNackPublisherFieldEvent {
        field: '$.nack.publisher';
        value: string;
    }
    interface EnvelopeNackEpochFieldEvent {
        field: '$.nack.epoch';
        value: number;
    }
    interface EnvelopeNackFromFieldEvent {
        field: '$.nack.from';
        value: number;
    }
    interface EnvelopeNackToFieldEvent {
        field: '$.nack.to';
        value: number;
    }
    interface EnvelopeNackRequesterFieldEvent {
        field: '$.nack.requester';
        value: string;
    }
    interface EnvelopeNackMaxAgeFieldEvent {
        field: '$.nack.maxAge';
        value: number;
    }
    interface EnvelopeReplayMessageTopicFieldEvent {
        field: '$.replay.message.topic';
        value: string;
    }
    interface EnvelopeReplayMessagePublisherFieldEvent {
        field: '$.replay.message.publisher';
        value: string;
    }
    interface EnvelopeReplayMessageEpochFieldEvent {
        field: '$.replay.message.epoch';
        value: number;
    }
    interface EnvelopeReplayMessageSeqFieldEvent {
        field: '$.replay.message.seq';
        value: number;
    }
    interface EnvelopeReplayMessagePayloadFieldEvent {
        field: '$.replay.message.payload';
        value: Uint8Array<ArrayBuffer>;
    }
    interface EnvelopeReplayMessageHeadersKeyFieldEvent {
        field: '$.replay.message.headers[].key';
        value: string;
        index: number;
    }
    interface EnvelopeReplayMessageHeadersValueFieldEvent {
        field: '$.replay.message.headers[].value';
        value: string;
        index: number;
    }
    interface EnvelopeReplayMessageAckFieldEvent {
        field: '$.replay.message.ack';
        value: boolean;
    }
    interface EnvelopeReplayMessageFloorFieldEvent {
        field: '$.replay.message.floor';
        value: number;
    }
    interface EnvelopeReplayMessageQueueGroupFieldEvent {
        field: '$.replay.message.queue[].group';
        value: string;
        index: number;
    }
    interface EnvelopeReplayMessageQueueMemberFieldEvent {
        field: '$.replay.message.queue[].member';
        value: string;
        index: number;
    }
    interface EnvelopeReplayMessageSealFieldEvent {
        field: '$.replay.message.seal';
        value: Uint8Array<ArrayBuffer>;
    }
    interface EnvelopeStashMessageTopicFieldEvent {
        field: '$.stash.message.topic';
        value: string;
    }
    interface EnvelopeStashMessagePublisherFieldEvent {
        field: '$.stash.message.publisher';
        value: string;
    }
    interface EnvelopeStashMessageEpochFieldEvent {
        field: '$.stash.message.epoch';
        value: number;
    }
    interface EnvelopeStashMessageSeqFieldEvent {
        field: '$.stash.message.seq';
        value: number;
    }
    interface EnvelopeStashMessagePayloadFieldEvent {
        field: '$.stash.message.payload';
        value: Uint8Array<ArrayBuffer>;
    }
    interface EnvelopeStashMessageHeadersKeyFieldEvent {
        field: '$.stash.message.headers[].key';
        value: string;
        index: number;
    }
    interface EnvelopeStashMessageHeadersValueFieldEvent {
        field: '$.stash.message.headers[].value';
        value: string;
        index: number;
    }
    interface EnvelopeStashMessageAckFieldEvent {
        field: '$.stash.message.ack';
        value: boolean;
    }
    interface EnvelopeStashMessageFloorFieldEvent {
        field: '$.stash.message.floor';
        value: number;
    }
    interface EnvelopeStashMessageQueueGroupFieldEvent {
        field: '$.stash.message.queue[].group';
        value: string;
        index: number;
    }
    interface EnvelopeStashMessageQueueMemberFieldEvent {
        field: '$.stash.message.queue[].member';
        value: string;
        index: number;
    }
    interface EnvelopeStashMessageSealFieldEvent {
        field: '$.stash.message.seal';
        value: Uint8Array<ArrayBuffer>;
    }
    interface EnvelopePublishAckTopicFieldEvent {
        field: '$.publishAck.topic';
        value: string;
    }
    interface EnvelopePublishAckPublisherFieldEvent {
        field: '$.publishAck.publisher';
        value: string;
    }
    interface EnvelopePublishAckEpochFieldEvent {
        field: '$.publishAck.epoch';
        value: number;
    }
    interface EnvelopePublishAckSeqFieldEvent {
        field: '$.publishAck.seq';
        value: number;
    }
    interface EnvelopeSinceTopicFieldEvent {
        field: '$.since.topic';
        value: string;
    }
    interface EnvelopeSinceSeqFieldEvent {
        field: '$.since.seq';
        value: number;
    }
    interface EnvelopeSinceTimeFieldEvent {
        field: '$.since.time';
        value: number;
    }
    interface EnvelopeSinceLastFieldEvent {
        field: '$.since.last';
        value: number;
    }
    interface EnvelopeSinceDoneFieldEvent {
        field: '$.since.done';
        value: boolean;
    }
    interface EnvelopeSinceRequesterFieldEvent {
        field: '$.since.requester';
        value: string;
    }
    interface EnvelopeReplyTopicFieldEvent {
        field: '$.reply.topic';
        value: string;
    }
    interface EnvelopeReplyRequestFieldEvent {
        field: '$.reply.request';
        value: number;
    }
    interface EnvelopeReplyPayloadFieldEvent {
        field: '$.reply.payload';
        value: Uint8Array<ArrayBuffer>;
    }
    interface EnvelopeReplyHeadersKeyFieldEvent {
        field: '$.reply.headers[].key';
        value: string;
        index: number;
    }
    interface EnvelopeReplyHeadersValueFieldEvent {
        field: '$.reply.headers[].value';
        value: string;
        index: number;
    }
    interface EnvelopeQueueJoinTopicFieldEvent {
        field: '$.queueJoin.topic';
        value: string;
    }
    interface EnvelopeQueueJoinGroupFieldEvent {
        field: '$.queueJoin.group';
        value: string;
    }
    interface EnvelopeQueueJoinLeaveFieldEvent {
        field: '$.queueJoin.leave';
        value: boolean;
    }
    interface EnvelopeQueueJoinMaxAckPendingFieldEvent {
        field: '$.queueJoin.maxAckPending';
        value: number;
    }
    interface EnvelopeQueueJoinPlainFieldEvent {
        field: '$.queueJoin.plain';
        value: boolean;
    }
    interface EnvelopeQueueDeliverGroupFieldEvent {
        field: '$.queueDeliver.group';
        value: string;
    }
    interface EnvelopeQueueDeliverMessageTopicFieldEvent {
        field: '$.queueDeliver.message.topic';
        value: string;
    }
    interface EnvelopeQueueDeliverMessagePublisherFieldEvent {
        field: '$.queueDeliver.message.publisher';
        value: string;
    }
    interface EnvelopeQueueDeliverMessageEpochFieldEvent {
        field: '$.queueDeliver.message.epoch';
        value: number;
    }
    interface EnvelopeQueueDeliverMessageSeqFieldEvent {
        field: '$.queueDeliver.message.seq';
        value: number;
    }
    interface EnvelopeQueueDeliverMessagePayloadFieldEvent {
        field: '$.queueDeliver.message.payload';
        value: Uint8Array<ArrayBuffer>;
    }
    interface EnvelopeQueueDeliverMessageHeadersKeyFieldEvent {
        field: '$.queueDeliver.message.headers[].key';
        value: string;
        index: number;
    }
    interface EnvelopeQueueDeliverMessageHeadersValueFieldEvent {
        field: '$.queueDeliver.message.headers[].value';
        value: string;
        index: number;
    }
    interface EnvelopeQueueDeliverMessageAckFieldEvent {
        field: '$.queueDeliver.message.ack';
        value: boolean;
    }
    interface EnvelopeQueueDeliverMessageFloorFieldEvent {
        field: '$.queueDeliver.message.floor';
        value: number;
    }
    interface EnvelopeQueueDeliverMessageQueueGroupFieldEvent {
        field: '$.queueDeliver.message.queue[].group';
        value: string;
        index: number;
    }
    interface EnvelopeQueueDeliverMessageQueueMemberFieldEvent {
        field: '$.queueDeliver.message.queue[].member';
        value: string;
        index: number;
    }
    interface EnvelopeQueueDeliverMessageSealFieldEvent {
        field: '$.queueDeliver.message.seal';
        value: Uint8Array<ArrayBuffer>;
    }
    interface EnvelopeQueueDeliverAttemptFieldEvent {
        field: '$.queueDeliver.attempt';
        value: number;
    }
    interface EnvelopeQueueAckTopicFieldEvent {
        field: '$.queueAck.topic';
        value: string;
    }
    interface EnvelopeQueueAckGroupFieldEvent {
        field: '$.queueAck.group';
        value: string;
    }
    interface EnvelopeQueueAckPublisherFieldEvent {
        field: '$.queueAck.publisher';
        value: string;
    }
    interface EnvelopeQueueAckEpochFieldEvent {
        field: '$.queueAck.epoch';
        value: number;
    }
    interface EnvelopeQueueAckSeqFieldEvent {
        field: '$.queueAck.seq';
        value: number;
    }
    interface EnvelopeQueueAckKindFieldEvent {
        field: '$.queueAck.kind';
        value: number;
    }
    interface EnvelopeQueueAckDelayFieldEvent {
        field: '$.queueAck.delay';
        value: number;
    }
    interface EnvelopeMailboxOpenNameFieldEvent {
        field: '$.mailboxOpen.name';
        value: string;
    }
    interface EnvelopeMailboxOpenTopicFieldEvent {
        field: '$.mailboxOpen.topic';
        value: string;
    }
    interface EnvelopeMailboxOpenSubscriberFieldEvent {
        field: '$.mailboxOpen.subscriber';
        value: string;
    }
    interface EnvelopeMailboxOpenModeFieldEvent {
        field: '$.mailboxOpen.mode';
        value: number;
    }
    interface EnvelopeMailboxStateNameFieldEvent {
        field: '$.mailboxState.name';
        value: string;
    }
    interface EnvelopeMailboxStateTopicFieldEvent {
        field: '$.mailboxState.topic';
        value: string;
    }
    interface EnvelopeMailboxStateReadyFieldEvent {
        field: '$.mailboxState.ready';
        value: boolean;
    }
    interface EnvelopeMailboxStateStoredFieldEvent {
        field: '$.mailboxState.stored';
        value: number;
    }
    interface EnvelopeMailboxStateDroppedFieldEvent {
        field: '$.mailboxState.dropped';
        value: number;
    }
    interface EnvelopeMailboxDeliverNameFieldEvent {
        field: '$.mailboxDeliver.name';
        value: string;
    }
    interface EnvelopeMailboxDeliverMessageTopicFieldEvent {
        field: '$.mailboxDeliver.message.topic';
        value: string;
    }
    interface EnvelopeMailboxDeliverMessagePublisherFieldEvent {
        field: '$.mailboxDeliver.message.publisher';
        value: string;
    }
    interface EnvelopeMailboxDeliverMessageEpochFieldEvent {
        field: '$.mailboxDeliver.message.epoch';
        value: number;
    }
    interface EnvelopeMailboxDeliverMessageSeqFieldEvent {
        field: '$.mailboxDeliver.message.seq';
        value: number;
    }
    interface EnvelopeMailboxDeliverMessagePayloadFieldEvent {
        field: '$.mailboxDeliver.message.payload';
        value: Uint8Array<ArrayBuffer>;
    }
    interface EnvelopeMailboxDeliverMessageHeadersKeyFieldEvent {
        field: '$.mailboxDeliver.message.headers[].key';
        value: string;
        index: number;
    }
    interface EnvelopeMailboxDeliverMessageHeadersValueFieldEvent {
        field: '$.mailboxDeliver.message.headers[].value';
        value: string;
        index: number;
    }
    interface EnvelopeMailboxDeliverMessageAckFieldEvent {
        field: '$.mailboxDeliver.message.ack';
        value: boolean;
    }
    interface EnvelopeMailboxDeliverMessageFloorFieldEvent {
        field: '$.mailboxDeliver.message.floor';
        value: number;
    }
    interface EnvelopeMailboxDeliverMessageQueueGroupFieldEvent {
        field: '$.mailboxDeliver.message.queue[].group';
        value: string;
        index: number;
    }
    interface EnvelopeMailboxDeliverMessageQueueMemberFieldEvent {
        field: '$.mailboxDeliver.message.queue[].member';
        value: string;
        index: number;
    }
    interface EnvelopeMailboxDeliverMessageSealFieldEvent {
        field: '$.mailboxDeliver.message.seal';
        value: Uint8Array<ArrayBuffer>;
    }
    interface EnvelopeMailboxAckNameFieldEvent {
        field: '$.mailboxAck.name';
        value: string;
    }
    interface EnvelopeMailboxAckTopicFieldEvent {
        field: '$.mailboxAck.topic';
        value: string;
    }
    interface EnvelopeMailboxAckIdsPublisherFieldEvent {
        field: '$.mailboxAck.ids[].publisher';
        value: string;
        index: number;
    }
    interface EnvelopeMailboxAckIdsEpochFieldEvent {
        field: '$.mailboxAck.ids[].epoch';
        value: number;
        index: number;
    }
    interface EnvelopeMailboxAckIdsSeqFieldEvent {
        field: '$.mailboxAck.ids[].seq';
        value: number;
        index: number;
    }
    interface EnvelopeMailboxSyncNameFieldEvent {
        field: '$.mailboxSync.name';
        value: string;
    }
    interface EnvelopeMailboxSyncTopicFieldEvent {
        field: '$.mailboxSync.topic';
        value: string;
    }
    interface EnvelopeMailboxSyncAckedPublisherFieldEvent {
        field: '$.mailboxSync.acked[].publisher';
        value: string;
        index: number;
    }
    interface EnvelopeMailboxSyncAckedEpochFieldEvent {
        field: '$.mailboxSync.acked[].epoch';
        value: number;
        index: number;
    }
    interface EnvelopeMailboxSyncAckedSeqFieldEvent {
        field: '$.mailboxSync.acked[].seq';
        value: number;
        index: number;
    }
    interface EnvelopeMailboxSyncMessagesTopicFieldEvent {
        field: '$.mailboxSync.messages[].topic';
        value: string;
        index: number;
    }
    interface EnvelopeMailboxSyncMessagesPublisherFieldEvent {
        field: '$.mailboxSync.messages[].publisher';
        value: string;
        index: number;
    }
    interface EnvelopeMailboxSyncMessagesEpochFieldEvent {
        field: '$.mailboxSync.messages[].epoch';
        value: number;
        index: number;
    }
    interface EnvelopeMailboxSyncMessagesSeqFieldEvent {
        field: '$.mailboxSync.messages[].seq';
        value: number;
        index: number;
    }
    interface EnvelopeMailboxSyncMessagesPayloadFieldEvent {
        field: '$.mailboxSync.messages[].payload';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    interface EnvelopeMailboxSyncMessagesHeadersKeyFieldEvent {
        field: '$.mailboxSync.messages[].headers[].key';
        value: string;
        index: number;
    }
    interface EnvelopeMailboxSyncMessagesHeadersValueFieldEvent {
        field: '$.mailboxSync.messages[].headers[].value';
        value: string;
        index: number;
    }
    interface EnvelopeMailboxSyncMessagesAckFieldEvent {
        field: '$.mailboxSync.messages[].ack';
        value: boolean;
        index: number;
    }
    interface EnvelopeMailboxSyncMessagesFloorFieldEvent {
        field: '$.mailboxSync.messages[].floor';
        value: number;
        index: number;
    }
    interface EnvelopeMailboxSyncMessagesQueueGroupFieldEvent {
        field: '$.mailboxSync.messages[].queue[].group';
        value: string;
        index: number;
    }
    interface EnvelopeMailboxSyncMessagesQueueMemberFieldEvent {
        field: '$.mailboxSync.messages[].queue[].member';
        value: string;
        index: number;
    }
    interface EnvelopeMailboxSyncMessagesSealFieldEvent {
        field: '$.mailboxSync.messages[].seal';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    interface EnvelopeMailboxSyncRequestFieldEvent {
        field: '$.mailboxSync.request';
        value: boolean;
    }
    interface EnvelopeMailboxSyncHoldFieldEvent {
        field: '$.mailboxSync.hold';
        value: boolean;
    }
    interface EnvelopeGrantsGrantsGrantFieldEvent {
        field: '$.grants.grants[].grant';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    interface EnvelopeGrantsGrantsSignatureFieldEvent {
        field: '$.grants.grants[].signature';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    interface EnvelopeGrantsWantFieldEvent {
        field: '$.grants.want[]';
        index: number;
        value: string;
    }
    interface EnvelopeGrantsRevocationsRevocationFieldEvent {
        field: '$.grants.revocations[].revocation';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    interface EnvelopeGrantsRevocationsSignatureFieldEvent {
        field: '$.grants.revocations[].signature';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    function encode(obj: Partial<Envelope>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Envelope>): Envelope;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Envelope>): Generator<EnvelopeJoinTopicFieldEvent | EnvelopeJoinSubscribersFieldEvent | EnvelopeJoinReliableFieldEvent | EnvelopeJoinAckTopicFieldEvent | EnvelopeJoinAckAttachedFieldEvent | EnvelopeJoinAckPathFieldEvent | EnvelopeJoinAckReplacesFieldEvent | EnvelopeJoinAckDelegateFieldEvent | EnvelopeJoinAckWithdrawFieldEvent | EnvelopeLeaveTopicFieldEvent | EnvelopePublishMessageTopicFieldEvent | EnvelopePublishMessagePublisherFieldEvent | EnvelopePublishMessageEpochFieldEvent | EnvelopePublishMessageSeqFieldEvent | EnvelopePublishMessagePayloadFieldEvent | EnvelopePublishMessageHeadersKeyFieldEvent | EnvelopePublishMessageHeadersValueFieldEvent | EnvelopePublishMessageAckFieldEvent | EnvelopePublishMessageFloorFieldEvent | EnvelopePublishMessageQueueGroupFieldEvent | EnvelopePublishMessageQueueMemberFieldEvent | EnvelopePublishMessageSealFieldEvent | EnvelopePublishDirectFieldEvent | EnvelopeDataTopicFieldEvent | EnvelopeDataPublisherFieldEvent | EnvelopeDataEpochFieldEvent | EnvelopeDataSeqFieldEvent | EnvelopeDataPayloadFieldEvent | EnvelopeDataHeadersKeyFieldEvent | EnvelopeDataHeadersValueFieldEvent | EnvelopeDataAckFieldEvent | EnvelopeDataFloorFieldEvent | EnvelopeDataQueueGroupFieldEvent | EnvelopeDataQueueMemberFieldEvent | EnvelopeDataSealFieldEvent | EnvelopeHeartbeatTopicsFieldEvent | EnvelopeHeartbeatCountsFieldEvent | EnvelopeHeartbeatRootsTopicFieldEvent | EnvelopeHeartbeatRootsSubscribersFieldEvent | EnvelopeHeartbeatRootsViaFieldEvent | EnvelopeHeartbeatRootsQueuesGroupFieldEvent | EnvelopeHeartbeatRootsQueuesMembersFieldEvent | EnvelopeReplicaEntriesTopicFieldEvent | EnvelopeReplicaEntriesChildrenFieldEvent | EnvelopeReplicaEntriesDroppedFieldEvent | EnvelopeReplicaEntriesRankFieldEvent | EnvelopeReplicaEntriesMoreFieldEvent | EnvelopeRedirectTopicFieldEvent | EnvelopeRedirectCandidatesFieldEvent | EnvelopeRootInfoTopicFieldEvent | EnvelopeRootInfoSubscribersFieldEvent | EnvelopeRouteAckTopicFieldEvent | EnvelopeRouteAckPublisherFieldEvent | EnvelopeRouteAckSeqFieldEvent | EnvelopeNackTopicFieldEvent | EnvelopeNackPublisherFieldEvent | EnvelopeNackEpochFieldEvent | EnvelopeNackFromFieldEvent | EnvelopeNackToFieldEvent | EnvelopeNackRequesterFieldEvent | EnvelopeNackMaxAgeFieldEvent | EnvelopeReplayMessageTopicFieldEvent | EnvelopeReplayMessagePublisherFieldEvent | EnvelopeReplayMessageEpochFieldEvent | EnvelopeReplayMessageSeqFieldEvent | EnvelopeReplayMessagePayloadFieldEvent | EnvelopeReplayMessageHeadersKeyFieldEvent | EnvelopeReplayMessageHeadersValueFieldEvent | EnvelopeReplayMessageAckFieldEvent | EnvelopeReplayMessageFloorFieldEvent | EnvelopeReplayMessageQueueGroupFieldEvent | EnvelopeReplayMessageQueueMemberFieldEvent | EnvelopeReplayMessageSealFieldEvent | EnvelopeStashMessageTopicFieldEvent | EnvelopeStashMessagePublisherFieldEvent | EnvelopeStashMessageEpochFieldEvent | EnvelopeStashMessageSeqFieldEvent | EnvelopeStashMessagePayloadFieldEvent | EnvelopeStashMessageHeadersKeyFieldEvent | EnvelopeStashMessageHeadersValueFieldEvent | EnvelopeStashMessageAckFieldEvent | EnvelopeStashMessageFloorFieldEvent | EnvelopeStashMessageQueueGroupFieldEvent | EnvelopeStashMessageQueueMemberFieldEvent | EnvelopeStashMessageSealFieldEvent | EnvelopePublishAckTopicFieldEvent | EnvelopePublishAckPublisherFieldEvent | EnvelopePublishAckEpochFieldEvent | EnvelopePublishAckSeqFieldEvent | EnvelopeSinceTopicFieldEvent | EnvelopeSinceSeqFieldEvent | EnvelopeSinceTimeFieldEvent | EnvelopeSinceLastFieldEvent | EnvelopeSinceDoneFieldEvent | EnvelopeSinceRequesterFieldEvent | EnvelopeReplyTopicFieldEvent | EnvelopeReplyRequestFieldEvent | EnvelopeReplyPayloadFieldEvent | EnvelopeReplyHeadersKeyFieldEvent | EnvelopeReplyHeadersValueFieldEvent | EnvelopeQueueJoinTopicFieldEvent | EnvelopeQueueJoinGroupFieldEvent | EnvelopeQueueJoinLeaveFieldEvent | EnvelopeQueueJoinMaxAckPendingFieldEvent | EnvelopeQueueJoinPlainFieldEvent | EnvelopeQueueDeliverGroupFieldEvent | EnvelopeQueueDeliverMessageTopicFieldEvent | EnvelopeQueueDeliverMessagePublisherFieldEvent | EnvelopeQueueDeliverMessageEpochFieldEvent | EnvelopeQueueDeliverMessageSeqFieldEvent | EnvelopeQueueDeliverMessagePayloadFieldEvent | EnvelopeQueueDeliverMessageHeadersKeyFieldEvent | EnvelopeQueueDeliverMessageHeadersValueFieldEvent | EnvelopeQueueDeliverMessageAckFieldEvent | EnvelopeQueueDeliverMessageFloorFieldEvent | EnvelopeQueueDeliverMessageQueueGroupFieldEvent | EnvelopeQueueDeliverMessageQueueMemberFieldEvent | EnvelopeQueueDeliverMessageSealFieldEvent | EnvelopeQueueDeliverAttemptFieldEvent | EnvelopeQueueAckTopicFieldEvent | EnvelopeQueueAckGroupFieldEvent | EnvelopeQueueAckPublisherFieldEvent | EnvelopeQueueAckEpochFieldEvent | EnvelopeQueueAckSeqFieldEvent | EnvelopeQueueAckKindFieldEvent | EnvelopeQueueAckDelayFieldEvent | EnvelopeMailboxOpenNameFieldEvent | EnvelopeMailboxOpenTopicFieldEvent | EnvelopeMailboxOpenSubscriberFieldEvent | EnvelopeMailboxOpenModeFieldEvent | EnvelopeMailboxStateNameFieldEvent | EnvelopeMailboxStateTopicFieldEvent | EnvelopeMailboxStateReadyFieldEvent | EnvelopeMailboxStateStoredFieldEvent | EnvelopeMailboxStateDroppedFieldEvent | EnvelopeMailboxDeliverNameFieldEvent | EnvelopeMailboxDeliverMessageTopicFieldEvent | EnvelopeMailboxDeliverMessagePublisherFieldEvent | EnvelopeMailboxDeliverMessageEpochFieldEvent | EnvelopeMailboxDeliverMessageSeqFieldEvent | EnvelopeMailboxDeliverMessagePayloadFieldEvent | EnvelopeMailboxDeliverMessageHeadersKeyFieldEvent | EnvelopeMailboxDeliverMessageHeadersValueFieldEvent | EnvelopeMailboxDeliverMessageAckFieldEvent | EnvelopeMailboxDeliverMessageFloorFieldEvent | EnvelopeMailboxDeliverMessageQueueGroupFieldEvent | EnvelopeMailboxDeliverMessageQueueMemberFieldEvent | EnvelopeMailboxDeliverMessageSealFieldEvent | EnvelopeMailboxAckNameFieldEvent | EnvelopeMailboxAckTopicFieldEvent | EnvelopeMailboxAckIdsPublisherFieldEvent | EnvelopeMailboxAckIdsEpochFieldEvent | EnvelopeMailboxAckIdsSeqFieldEvent | EnvelopeMailboxSyncNameFieldEvent | EnvelopeMailboxSyncTopicFieldEvent | EnvelopeMailboxSyncAckedPublisherFieldEvent | EnvelopeMailboxSyncAckedEpochFieldEvent | EnvelopeMailboxSyncAckedSeqFieldEvent | EnvelopeMailboxSyncMessagesTopicFieldEvent | EnvelopeMailboxSyncMessagesPublisherFieldEvent | EnvelopeMailboxSyncMessagesEpochFieldEvent | EnvelopeMailboxSyncMessagesSeqFieldEvent | EnvelopeMailboxSyncMessagesPayloadFieldEvent | EnvelopeMailboxSyncMessagesHeadersKeyFieldEvent | EnvelopeMailboxSyncMessagesHeadersValueFieldEvent | EnvelopeMailboxSyncMessagesAckFieldEvent | EnvelopeMailboxSyncMessagesFloorFieldEvent | EnvelopeMailboxSyncMessagesQueueGroupFieldEvent | EnvelopeMailboxSyncMessagesQueueMemberFieldEvent | EnvelopeMailboxSyncMessagesSealFieldEvent | EnvelopeMailboxSyncRequestFieldEvent | EnvelopeMailboxSyncHoldFieldEvent | EnvelopeGrantsGrantsGrantFieldEvent | EnvelopeGrantsGrantsSignatureFieldEvent | EnvelopeGrantsWantFieldEvent | EnvelopeGrantsRevocationsRevocationFieldEvent | EnvelopeGrantsRevocationsSignatureFieldEvent>;
}
export interface Grant {
    peer: string;
    pub: string[];
    sub: string[];
    expires: number;
    issued: number;
}
export declare namespace Grant {
    const codec: () => Codec<Grant>;
    interface GrantPeerFieldEvent {
        field: '$.peer';
        value: string;
    }
    interface GrantPubFieldEvent {
        field: '$.pub[]';
        index: number;
        value: string;
    }
    interface GrantSubFieldEvent {
        field: '$.sub[]';
        index: number;
        value: string;
    }
    interface GrantExpiresFieldEvent {
        field: '$.expires';
        value: number;
    }
    interface GrantIssuedFieldEvent {
        field: '$.issued';
        value: number;
    }
    function encode(obj: Partial<Grant>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Grant>): Grant;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Grant>): Generator<GrantPeerFieldEvent | GrantPubFieldEvent | GrantSubFieldEvent | GrantExpiresFieldEvent | GrantIssuedFieldEvent>;
}
export interface SignedGrant {
    grant: Uint8Array<ArrayBuffer>;
    signature: Uint8Array<ArrayBuffer>;
}
export declare namespace SignedGrant {
    const codec: () => Codec<SignedGrant>;
    interface SignedGrantGrantFieldEvent {
        field: '$.grant';
        value: Uint8Array<ArrayBuffer>;
    }
    interface SignedGrantSignatureFieldEvent {
        field: '$.signature';
        value: Uint8Array<ArrayBuffer>;
    }
    function encode(obj: Partial<SignedGrant>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SignedGrant>): SignedGrant;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SignedGrant>): Generator<SignedGrantGrantFieldEvent | SignedGrantSignatureFieldEvent>;
}
export interface Revocation {
    peer: string;
    before: number;
}
export declare namespace Revocation {
    const codec: () => Codec<Revocation>;
    interface RevocationPeerFieldEvent {
        field: '$.peer';
        value: string;
    }
    interface RevocationBeforeFieldEvent {
        field: '$.before';
        value: number;
    }
    function encode(obj: Partial<Revocation>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Revocation>): Revocation;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Revocation>): Generator<RevocationPeerFieldEvent | RevocationBeforeFieldEvent>;
}
export interface SignedRevocation {
    revocation: Uint8Array<ArrayBuffer>;
    signature: Uint8Array<ArrayBuffer>;
}
export declare namespace SignedRevocation {
    const codec: () => Codec<SignedRevocation>;
    interface SignedRevocationRevocationFieldEvent {
        field: '$.revocation';
        value: Uint8Array<ArrayBuffer>;
    }
    interface SignedRevocationSignatureFieldEvent {
        field: '$.signature';
        value: Uint8Array<ArrayBuffer>;
    }
    function encode(obj: Partial<SignedRevocation>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SignedRevocation>): SignedRevocation;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SignedRevocation>): Generator<SignedRevocationRevocationFieldEvent | SignedRevocationSignatureFieldEvent>;
}
export interface Grants {
    grants: SignedGrant[];
    want: string[];
    revocations: SignedRevocation[];
}
export declare namespace Grants {
    const codec: () => Codec<Grants>;
    interface GrantsGrantsGrantFieldEvent {
        field: '$.grants[].grant';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    interface GrantsGrantsSignatureFieldEvent {
        field: '$.grants[].signature';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    interface GrantsWantFieldEvent {
        field: '$.want[]';
        index: number;
        value: string;
    }
    interface GrantsRevocationsRevocationFieldEvent {
        field: '$.revocations[].revocation';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    interface GrantsRevocationsSignatureFieldEvent {
        field: '$.revocations[].signature';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    function encode(obj: Partial<Grants>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Grants>): Grants;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Grants>): Generator<GrantsGrantsGrantFieldEvent | GrantsGrantsSignatureFieldEvent | GrantsWantFieldEvent | GrantsRevocationsRevocationFieldEvent | GrantsRevocationsSignatureFieldEvent>;
}
export interface Frame {
    messages: Envelope[];
}
export declare namespace Frame {
    const codec: () => Codec<Frame>;
    interface FrameMessagesJoinTopicFieldEvent {
        field: '$.messages[].join.topic';
        value: string;
        index: number;
    }
    interface FrameMessagesJoinSubscribersFieldEvent {
        field: '$.messages[].join.subscribers';
        value: number;
        index: number;
    }
    interface FrameMessagesJoinReliableFieldEvent {
        field: '$.messages[].join.reliable';
        value: boolean;
        index: number;
    }
    interface FrameMessagesJoinAckTopicFieldEvent {
        field: '$.messages[].joinAck.topic';
        value: string;
        index: number;
    }
    interface FrameMessagesJoinAckAttachedFieldEvent {
        field: '$.messages[].joinAck.attached';
        value: boolean;
        index: number;
    }
    interface FrameMessagesJoinAckPathFieldEvent {
        field: '$.messages[].joinAck.path[]';
        index: number;
        value: string;
    }
    interface FrameMessagesJoinAckReplacesFieldEvent {
        field: '$.messages[].joinAck.replaces';
        value: string;
        index: number;
    }
    interface FrameMessagesJoinAckDelegateFieldEvent {
        field: '$.messages[].joinAck.delegate';
        value: boolean;
        index: number;
    }
    interface FrameMessagesJoinAckWithdrawFieldEvent {
        field: '$.messages[].joinAck.withdraw';
        value: boolean;
        index: number;
    }
    interface FrameMessagesLeaveTopicFieldEvent {
        field: '$.messages[].leave.topic';
        value: string;
        index: number;
    }
    interface FrameMessagesPublishMessageTopicFieldEvent {
        field: '$.messages[].publish.message.topic';
        value: string;
        index: number;
    }
    interface FrameMessagesPublishMessagePublisherFieldEvent {
        field: '$.messages[].publish.message.publisher';
        value: string;
        index: number;
    }
    interface FrameMessagesPublishMessageEpochFieldEvent {
        field: '$.messages[].publish.message.epoch';
        value: number;
        index: number;
    }
    interface FrameMessagesPublishMessageSeqFieldEvent {
        field: '$.messages[].publish.message.seq';
        value: number;
        index: number;
    }
    interface FrameMessagesPublishMessagePayloadFieldEvent {
        field: '$.messages[].publish.message.payload';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    interface FrameMessagesPublishMessageHeadersKeyFieldEvent {
        field: '$.messages[].publish.message.headers[].key';
        value: string;
        index: number;
    }
    interface FrameMessagesPublishMessageHeadersValueFieldEvent {
        field: '$.messages[].publish.message.headers[].value';
        value: string;
        index: number;
    }
    interface FrameMessagesPublishMessageAckFieldEvent {
        field: '$.messages[].publish.message.ack';
        value: boolean;
        index: number;
    }
    interface FrameMessagesPublishMessageFloorFieldEvent {
        field: '$.messages[].publish.message.floor';
        value: number;
        index: number;
    }
    interface FrameMessagesPublishMessageQueueGroupFieldEvent {
        field: '$.messages[].publish.message.queue[].group';
        value: string;
        index: number;
    }
    interface FrameMessagesPublishMessageQueueMemberFieldEvent {
        field: '$.messages[].publish.message.queue[].member';
        value: string;
        index: number;
    }
    interface FrameMessagesPublishMessageSealFieldEvent {
        field: '$.messages[].publish.message.seal';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    interface FrameMessagesPublishDirectFieldEvent {
        field: '$.messages[].publish.direct';
        value: boolean;
        index: number;
    }
    interface FrameMessagesDataTopicFieldEvent {
        field: '$.messages[].data.topic';
        value: string;
        index: number;
    }
    interface FrameMessagesDataPublisherFieldEvent {
        field: '$.messages[].data.publisher';
        value: string;
        index: number;
    }
    interface FrameMessagesDataEpochFieldEvent {
        field: '$.messages[].data.epoch';
        value: number;
        index: number;
    }
    interface FrameMessagesDataSeqFieldEvent {
        field: '$.messages[].data.seq';
        value: number;
        index: number;
    }
    interface FrameMessagesDataPayloadFieldEvent {
        field: '$.messages[].data.payload';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    interface FrameMessagesDataHeadersKeyFieldEvent {
        field: '$.messages[].data.headers[].key';
        value: string;
        index: number;
    }
    interface FrameMessagesDataHeadersValueFieldEvent {
        field: '$.messages[].data.headers[].value';
        value: string;
        index: number;
    }
    interface FrameMessagesDataAckFieldEvent {
        field: '$.messages[].data.ack';
        value: boolean;
        index: number;
    }
    interface FrameMessagesDataFloorFieldEvent {
        field: '$.messages[].data.floor';
        value: number;
        index: number;
    }
    interface FrameMessagesDataQueueGroupFieldEvent {
        field: '$.messages[].data.queue[].group';
        value: string;
        index: number;
    }
    interface FrameMessagesDataQueueMemberFieldEvent {
        field: '$.messages[].data.queue[].member';
        value: string;
        index: number;
    }
    interface FrameMessagesDataSealFieldEvent {
        field: '$.messages[].data.seal';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    interface FrameMessagesHeartbeatTopicsFieldEvent {
        field: '$.messages[].heartbeat.topics[]';
        index: number;
        value: string;
    }
    interface FrameMessagesHeartbeatCountsFieldEvent {
        field: '$.messages[].heartbeat.counts[]';
        index: number;
        value: number;
    }
    interface FrameMessagesHeartbeatRootsTopicFieldEvent {
        field: '$.messages[].heartbeat.roots[].topic';
        value: string;
        index: number;
    }
    interface FrameMessagesHeartbeatRootsSubscribersFieldEvent {
        field: '$.messages[].heartbeat.roots[].subscribers';
        value: number;
        index: number;
    }
    interface FrameMessagesHeartbeatRootsViaFieldEvent {
        field: '$.messages[].heartbeat.roots[].via';
        value: string;
        index: number;
    }
    interface FrameMessagesHeartbeatRootsQueuesGroupFieldEvent {
        field: '$.messages[].heartbeat.roots[].queues[].group';
        value: string;
        index: number;
    }
    interface FrameMessagesHeartbeatRootsQueuesMembersFieldEvent {
        field: '$.messages[].heartbeat.roots[].queues[].members[]';
        index: number;
        value: string;
    }
    interface FrameMessagesReplicaEntriesTopicFieldEvent {
        field: '$.messages[].replica.entries[].topic';
        value: string;
        index: number;
    }
    interface FrameMessagesReplicaEntriesChildrenFieldEvent {
        field: '$.messages[].replica.entries[].children[]';
        index: number;
        value: string;
    }
    interface FrameMessagesReplicaEntriesDroppedFieldEvent {
        field: '$.messages[].replica.entries[].dropped';
        value: boolean;
        index: number;
    }
    interface FrameMessagesReplicaEntriesRankFieldEvent {
        field: '$.messages[].replica.entries[].rank';
        value: number;
        index: number;
    }
    interface FrameMessagesReplicaEntriesMoreFieldEvent {
        field: '$.messages[].replica.entries[].more';
        value: boolean;
        index: number;
    }
    interface FrameMessagesRedirectTopicFieldEvent {
        field: '$.messages[].redirect.topic';
        value: string;
        index: number;
    }
    interface FrameMessagesRedirectCandidatesFieldEvent {
        field: '$.messages[].redirect.candidates[]';
        index: number;
        value: string;
    }
    interface FrameMessagesRootInfoTopicFieldEvent {
        field: '$.messages[].rootInfo.topic';
        value: string;
        index: number;
    }
    interface FrameMessagesRootInfoSubscribersFieldEvent {
        field: '$.messages[].rootInfo.subscribers';
        value: number;
        index: number;
    }
    interface FrameMessagesRouteAckTopicFieldEvent {
        field: '$.messages[].routeAck.topic';
        value: string;
        index: number;
    }
    interface FrameMessagesRouteAckPublisherFieldEvent {
        field: '$.messages[].routeAck.publisher';
        value: string;
        index: number;
    }
    interface FrameMessagesRouteAckSeqFieldEvent {
        field: '$.messages[].routeAck.seq';
        value: number;
        index: number;
    }
    interface FrameMessagesNackTopicFieldEvent {
        field: '$.messages[].nack.topic';
        value: string;
        index: number;
    }
    interface FrameMessagesNackPublisherFieldEvent {
        field: '$.messages[].nack.publisher';
        value: string;
        index: number;
    }
    interface FrameMessagesNackEpochFieldEvent {
        field: '$.messages[].nack.epoch';
        value: number;
        index: number;
    }
    interface FrameMessagesNackFromFieldEvent {
        field: '$.messages[].nack.from';
        value: number;
        index: number;
    }
    interface FrameMessagesNackToFieldEvent {
        field: '$.messages[].nack.to';
        value: number;
        index: number;
    }
    interface FrameMessagesNackRequesterFieldEvent {
        field: '$.messages[].nack.requester';
        value: string;
        index: number;
    }
    interface FrameMessagesNackMaxAgeFieldEvent {
        field: '$.messages[].nack.maxAge';
        value: number;
        index: number;
    }
    interface FrameMessagesReplayMessageTopicFieldEvent {
        field: '$.messages[].replay.message.topic';
        value: string;
        index: number;
    }
    interface FrameMessagesReplayMessagePublisherFieldEvent {
        field: '$.messages[].replay.message.publisher';
        value: string;
        index: number;
    }
    interface FrameMessagesReplayMessageEpochFieldEvent {
        field: '$.messages[].replay.message.epoch';
        value: number;
        index: number;
    }
    interface FrameMessagesReplayMessageSeqFieldEvent {
        field: '$.messages[].replay.message.seq';
        value: number;
        index: number;
    }
    interface FrameMessagesReplayMessagePayloadFieldEvent {
        field: '$.messages[].replay.message.payload';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    interface FrameMessagesReplayMessageHeadersKeyFieldEvent {
        field: '$.messages[].replay.message.headers[].key';
        value: string;
        index: number;
    }
    interface FrameMessagesReplayMessageHeadersValueFieldEvent {
        field: '$.messages[].replay.message.headers[].value';
        value: string;
        index: number;
    }
    interface FrameMessagesReplayMessageAckFieldEvent {
        field: '$.messages[].replay.message.ack';
        value: boolean;
        index: number;
    }
    interface FrameMessagesReplayMessageFloorFieldEvent {
        field: '$.messages[].replay.message.floor';
        value: number;
        index: number;
    }
    interface FrameMessagesReplayMessageQueueGroupFieldEvent {
        field: '$.messages[].replay.message.queue[].group';
        value: string;
        index: number;
    }
    interface FrameMessagesReplayMessageQueueMemberFieldEvent {
        field: '$.messages[].replay.message.queue[].member';
        value: string;
        index: number;
    }
    interface FrameMessagesReplayMessageSealFieldEvent {
        field: '$.messages[].replay.message.seal';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    interface FrameMessagesStashMessageTopicFieldEvent {
        field: '$.messages[].stash.message.topic';
        value: string;
        index: number;
    }
    interface FrameMessagesStashMessagePublisherFieldEvent {
        field: '$.messages[].stash.message.publisher';
        value: string;
        index: number;
    }
    interface FrameMessagesStashMessageEpochFieldEvent {
        field: '$.messages[].stash.message.epoch';
        value: number;
        index: number;
    }
    interface FrameMessagesStashMessageSeqFieldEvent {
        field: '$.messages[].stash.message.seq';
        value: number;
        index: number;
    }
    interface FrameMessagesStashMessagePayloadFieldEvent {
        field: '$.messages[].stash.message.payload';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    interface FrameMessagesStashMessageHeadersKeyFieldEvent {
        field: '$.messages[].stash.message.headers[].key';
        value: string;
        index: number;
    }
    interface FrameMessagesStashMessageHeadersValueFieldEvent {
        field: '$.messages[].stash.message.headers[].value';
        value: string;
        index: number;
    }
    interface FrameMessagesStashMessageAckFieldEvent {
        field: '$.messages[].stash.message.ack';
        value: boolean;
        index: number;
    }
    interface FrameMessagesStashMessageFloorFieldEvent {
        field: '$.messages[].stash.message.floor';
        value: number;
        index: number;
    }
    interface FrameMessagesStashMessageQueueGroupFieldEvent {
        field: '$.messages[].stash.message.queue[].group';
        value: string;
        index: number;
    }
    interface FrameMessagesStashMessageQueueMemberFieldEvent {
        field: '$.messages[].stash.message.queue[].member';
        value: string;
        index: number;
    }
    interface FrameMessagesStashMessageSealFieldEvent {
        field: '$.messages[].stash.message.seal';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    interface FrameMessagesPublishAckTopicFieldEvent {
        field: '$.messages[].publishAck.topic';
        value: string;
        index: number;
    }
    interface FrameMessagesPublishAckPublisherFieldEvent {
        field: '$.messages[].publishAck.publisher';
        value: string;
        index: number;
    }
    interface FrameMessagesPublishAckEpochFieldEvent {
        field: '$.messages[].publishAck.epoch';
        value: number;
        index: number;
    }
    interface FrameMessagesPublishAckSeqFieldEvent {
        field: '$.messages[].publishAck.seq';
        value: number;
        index: number;
    }
    interface FrameMessagesSinceTopicFieldEvent {
        field: '$.messages[].since.topic';
        value: string;
        index: number;
    }
    interface FrameMessagesSinceSeqFieldEvent {
        field: '$.messages[].since.seq';
        value: number;
        index: number;
    }
    interface FrameMessagesSinceTimeFieldEvent {
        field: '$.messages[].since.time';
        value: number;
        index: number;
    }
    interface FrameMessagesSinceLastFieldEvent {
        field: '$.messages[].since.last';
        value: number;
        index: number;
    }
    interface FrameMessagesSinceDoneFieldEvent {
        field: '$.messages[].since.done';
        value: boolean;
        index: number;
    }
    interface FrameMessagesSinceRequesterFieldEvent {
        field: '$.messages[].since.requester';
        value: string;
        index: number;
    }
    interface FrameMessagesReplyTopicFieldEvent {
        field: '$.messages[].reply.topic';
        value: string;
        index: number;
    }
    interface FrameMessagesReplyRequestFieldEvent {
        field: '$.messages[].reply.request';
        value: number;
        index: number;
    }
    interface FrameMessagesReplyPayloadFieldEvent {
        field: '$.messages[].reply.payload';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    interface FrameMessagesReplyHeadersKeyFieldEvent {
        field: '$.messages[].reply.headers[].key';
        value: string;
        index: number;
    }
    interface FrameMessagesReplyHeadersValueFieldEvent {
        field: '$.messages[].reply.headers[].value';
        value: string;
        index: number;
    }
    interface FrameMessagesQueueJoinTopicFieldEvent {
        field: '$.messages[].queueJoin.topic';
        value: string;
        index: number;
    }
    interface FrameMessagesQueueJoinGroupFieldEvent {
        field: '$.messages[].queueJoin.group';
        value: string;
        index: number;
    }
    interface FrameMessagesQueueJoinLeaveFieldEvent {
        field: '$.messages[].queueJoin.leave';
        value: boolean;
        index: number;
    }
    interface FrameMessagesQueueJoinMaxAckPendingFieldEvent {
        field: '$.messages[].queueJoin.maxAckPending';
        value: number;
        index: number;
    }
    interface FrameMessagesQueueJoinPlainFieldEvent {
        field: '$.messages[].queueJoin.plain';
        value: boolean;
        index: number;
    }
    interface FrameMessagesQueueDeliverGroupFieldEvent {
        field: '$.messages[].queueDeliver.group';
        value: string;
        index: number;
    }
    interface FrameMessagesQueueDeliverMessageTopicFieldEvent {
        field: '$.messages[].queueDeliver.message.topic';
        value: string;
        index: number;
    }
    interface FrameMessagesQueueDeliverMessagePublisherFieldEvent {
        field: '$.messages[].queueDeliver.message.publisher';
        value: string;
        index: number;
    }
    interface FrameMessagesQueueDeliverMessageEpochFieldEvent {
        field: '$.messages[].queueDeliver.message.epoch';
        value: number;
        index: number;
    }
    interface FrameMessagesQueueDeliverMessageSeqFieldEvent {
        field: '$.messages[].queueDeliver.message.seq';
        value: number;
        index: number;
    }
    interface FrameMessagesQueueDeliverMessagePayloadFieldEvent {
        field: '$.messages[].queueDeliver.message.payload';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    interface FrameMessagesQueueDeliverMessageHeadersKeyFieldEvent {
        field: '$.messages[].queueDeliver.message.headers[].key';
        value: string;
        index: number;
    }
    interface FrameMessagesQueueDeliverMessageHeadersValueFieldEvent {
        field: '$.messages[].queueDeliver.message.headers[].value';
        value: string;
        index: number;
    }
    interface FrameMessagesQueueDeliverMessageAckFieldEvent {
        field: '$.messages[].queueDeliver.message.ack';
        value: boolean;
        index: number;
    }
    interface FrameMessagesQueueDeliverMessageFloorFieldEvent {
        field: '$.messages[].queueDeliver.message.floor';
        value: number;
        index: number;
    }
    interface FrameMessagesQueueDeliverMessageQueueGroupFieldEvent {
        field: '$.messages[].queueDeliver.message.queue[].group';
        value: string;
        index: number;
    }
    interface FrameMessagesQueueDeliverMessageQueueMemberFieldEvent {
        field: '$.messages[].queueDeliver.message.queue[].member';
        value: string;
        index: number;
    }
    interface FrameMessagesQueueDeliverMessageSealFieldEvent {
        field: '$.messages[].queueDeliver.message.seal';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    interface FrameMessagesQueueDeliverAttemptFieldEvent {
        field: '$.messages[].queueDeliver.attempt';
        value: number;
        index: number;
    }
    interface FrameMessagesQueueAckTopicFieldEvent {
        field: '$.messages[].queueAck.topic';
        value: string;
        index: number;
    }
    interface FrameMessagesQueueAckGroupFieldEvent {
        field: '$.messages[].queueAck.group';
        value: string;
        index: number;
    }
    interface FrameMessagesQueueAckPublisherFieldEvent {
        field: '$.messages[].queueAck.publisher';
        value: string;
        index: number;
    }
    interface FrameMessagesQueueAckEpochFieldEvent {
        field: '$.messages[].queueAck.epoch';
        value: number;
        index: number;
    }
    interface FrameMessagesQueueAckSeqFieldEvent {
        field: '$.messages[].queueAck.seq';
        value: number;
        index: number;
    }
    interface FrameMessagesQueueAckKindFieldEvent {
        field: '$.messages[].queueAck.kind';
        value: number;
        index: number;
    }
    interface FrameMessagesQueueAckDelayFieldEvent {
        field: '$.messages[].queueAck.delay';
        value: number;
        index: number;
    }
    interface FrameMessagesMailboxOpenNameFieldEvent {
        field: '$.messages[].mailboxOpen.name';
        value: string;
        index: number;
    }
    interface FrameMessagesMailboxOpenTopicFieldEvent {
        field: '$.messages[].mailboxOpen.topic';
        value: string;
        index: number;
    }
    interface FrameMessagesMailboxOpenSubscriberFieldEvent {
        field: '$.messages[].mailboxOpen.subscriber';
        value: string;
        index: number;
    }
    interface FrameMessagesMailboxOpenModeFieldEvent {
        field: '$.messages[].mailboxOpen.mode';
        value: number;
        index: number;
    }
    interface FrameMessagesMailboxStateNameFieldEvent {
        field: '$.messages[].mailboxState.name';
        value: string;
        index: number;
    }
    interface FrameMessagesMailboxStateTopicFieldEvent {
        field: '$.messages[].mailboxState.topic';
        value: string;
        index: number;
    }
    interface FrameMessagesMailboxStateReadyFieldEvent {
        field: '$.messages[].mailboxState.ready';
        value: boolean;
        index: number;
    }
    interface FrameMessagesMailboxStateStoredFieldEvent {
        field: '$.messages[].mailboxState.stored';
        value: number;
        index: number;
    }
    interface FrameMessagesMailboxStateDroppedFieldEvent {
        field: '$.messages[].mailboxState.dropped';
        value: number;
        index: number;
    }
    interface FrameMessagesMailboxDeliverNameFieldEvent {
        field: '$.messages[].mailboxDeliver.name';
        value: string;
        index: number;
    }
    interface FrameMessagesMailboxDeliverMessageTopicFieldEvent {
        field: '$.messages[].mailboxDeliver.message.topic';
        value: string;
        index: number;
    }
    interface FrameMessagesMailboxDeliverMessagePublisherFieldEvent {
        field: '$.messages[].mailboxDeliver.message.publisher';
        value: string;
        index: number;
    }
    interface FrameMessagesMailboxDeliverMessageEpochFieldEvent {
        field: '$.messages[].mailboxDeliver.message.epoch';
        value: number;
        index: number;
    }
    interface FrameMessagesMailboxDeliverMessageSeqFieldEvent {
        field: '$.messages[].mailboxDeliver.message.seq';
        value: number;
        index: number;
    }
    interface FrameMessagesMailboxDeliverMessagePayloadFieldEvent {
        field: '$.messages[].mailboxDeliver.message.payload';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    interface FrameMessagesMailboxDeliverMessageHeadersKeyFieldEvent {
        field: '$.messages[].mailboxDeliver.message.headers[].key';
        value: string;
        index: number;
    }
    interface FrameMessagesMailboxDeliverMessageHeadersValueFieldEvent {
        field: '$.messages[].mailboxDeliver.message.headers[].value';
        value: string;
        index: number;
    }
    interface FrameMessagesMailboxDeliverMessageAckFieldEvent {
        field: '$.messages[].mailboxDeliver.message.ack';
        value: boolean;
        index: number;
    }
    interface FrameMessagesMailboxDeliverMessageFloorFieldEvent {
        field: '$.messages[].mailboxDeliver.message.floor';
        value: number;
        index: number;
    }
    interface FrameMessagesMailboxDeliverMessageQueueGroupFieldEvent {
        field: '$.messages[].mailboxDeliver.message.queue[].group';
        value: string;
        index: number;
    }
    interface FrameMessagesMailboxDeliverMessageQueueMemberFieldEvent {
        field: '$.messages[].mailboxDeliver.message.queue[].member';
        value: string;
        index: number;
    }
    interface FrameMessagesMailboxDeliverMessageSealFieldEvent {
        field: '$.messages[].mailboxDeliver.message.seal';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    interface FrameMessagesMailboxAckNameFieldEvent {
        field: '$.messages[].mailboxAck.name';
        value: string;
        index: number;
    }
    interface FrameMessagesMailboxAckTopicFieldEvent {
        field: '$.messages[].mailboxAck.topic';
        value: string;
        index: number;
    }
    interface FrameMessagesMailboxAckIdsPublisherFieldEvent {
        field: '$.messages[].mailboxAck.ids[].publisher';
        value: string;
        index: number;
    }
    interface FrameMessagesMailboxAckIdsEpochFieldEvent {
        field: '$.messages[].mailboxAck.ids[].epoch';
        value: number;
        index: number;
    }
    interface FrameMessagesMailboxAckIdsSeqFieldEvent {
        field: '$.messages[].mailboxAck.ids[].seq';
        value: number;
        index: number;
    }
    interface FrameMessagesMailboxSyncNameFieldEvent {
        field: '$.messages[].mailboxSync.name';
        value: string;
        index: number;
    }
    interface FrameMessagesMailboxSyncTopicFieldEvent {
        field: '$.messages[].mailboxSync.topic';
        value: string;
        index: number;
    }
    interface FrameMessagesMailboxSyncAckedPublisherFieldEvent {
        field: '$.messages[].mailboxSync.acked[].publisher';
        value: string;
        index: number;
    }
    interface FrameMessagesMailboxSyncAckedEpochFieldEvent {
        field: '$.messages[].mailboxSync.acked[].epoch';
        value: number;
        index: number;
    }
    interface FrameMessagesMailboxSyncAckedSeqFieldEvent {
        field: '$.messages[].mailboxSync.acked[].seq';
        value: number;
        index: number;
    }
    interface FrameMessagesMailboxSyncMessagesTopicFieldEvent {
        field: '$.messages[].mailboxSync.messages[].topic';
        value: string;
        index: number;
    }
    interface FrameMessagesMailboxSyncMessagesPublisherFieldEvent {
        field: '$.messages[].mailboxSync.messages[].publisher';
        value: string;
        index: number;
    }
    interface FrameMessagesMailboxSyncMessagesEpochFieldEvent {
        field: '$.messages[].mailboxSync.messages[].epoch';
        value: number;
        index: number;
    }
    interface FrameMessagesMailboxSyncMessagesSeqFieldEvent {
        field: '$.messages[].mailboxSync.messages[].seq';
        value: number;
        index: number;
    }
    interface FrameMessagesMailboxSyncMessagesPayloadFieldEvent {
        field: '$.messages[].mailboxSync.messages[].payload';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    interface FrameMessagesMailboxSyncMessagesHeadersKeyFieldEvent {
        field: '$.messages[].mailboxSync.messages[].headers[].key';
        value: string;
        index: number;
    }
    interface FrameMessagesMailboxSyncMessagesHeadersValueFieldEvent {
        field: '$.messages[].mailboxSync.messages[].headers[].value';
        value: string;
        index: number;
    }
    interface FrameMessagesMailboxSyncMessagesAckFieldEvent {
        field: '$.messages[].mailboxSync.messages[].ack';
        value: boolean;
        index: number;
    }
    interface FrameMessagesMailboxSyncMessagesFloorFieldEvent {
        field: '$.messages[].mailboxSync.messages[].floor';
        value: number;
        index: number;
    }
    interface FrameMessagesMailboxSyncMessagesQueueGroupFieldEvent {
        field: '$.messages[].mailboxSync.messages[].queue[].group';
        value: string;
        index: number;
    }
    interface FrameMessagesMailboxSyncMessagesQueueMemberFieldEvent {
        field: '$.messages[].mailboxSync.messages[].queue[].member';
        value: string;
        index: number;
    }
    interface FrameMessagesMailboxSyncMessagesSealFieldEvent {
        field: '$.messages[].mailboxSync.messages[].seal';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    interface FrameMessagesMailboxSyncRequestFieldEvent {
        field: '$.messages[].mailboxSync.request';
        value: boolean;
        index: number;
    }
    interface FrameMessagesMailboxSyncHoldFieldEvent {
        field: '$.messages[].mailboxSync.hold';
        value: boolean;
        index: number;
    }
    interface FrameMessagesGrantsGrantsGrantFieldEvent {
        field: '$.messages[].grants.grants[].grant';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    interface FrameMessagesGrantsGrantsSignatureFieldEvent {
        field: '$.messages[].grants.grants[].signature';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    interface FrameMessagesGrantsWantFieldEvent {
        field: '$.messages[].grants.want[]';
        index: number;
        value: string;
    }
    interface FrameMessagesGrantsRevocationsRevocationFieldEvent {
        field: '$.messages[].grants.revocations[].revocation';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    interface FrameMessagesGrantsRevocationsSignatureFieldEvent {
        field: '$.messages[].grants.revocations[].signature';
        value: Uint8Array<ArrayBuffer>;
        index: number;
    }
    function encode(obj: Partial<Frame>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Frame>): Frame;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Frame>): Generator<FrameMessagesJoinTopicFieldEvent | FrameMessagesJoinSubscribersFieldEvent | FrameMessagesJoinReliableFieldEvent | FrameMessagesJoinAckTopicFieldEvent | FrameMessagesJoinAckAttachedFieldEvent | FrameMessagesJoinAckPathFieldEvent | FrameMessagesJoinAckReplacesFieldEvent | FrameMessagesJoinAckDelegateFieldEvent | FrameMessagesJoinAckWithdrawFieldEvent | FrameMessagesLeaveTopicFieldEvent | FrameMessagesPublishMessageTopicFieldEvent | FrameMessagesPublishMessagePublisherFieldEvent | FrameMessagesPublishMessageEpochFieldEvent | FrameMessagesPublishMessageSeqFieldEvent | FrameMessagesPublishMessagePayloadFieldEvent | FrameMessagesPublishMessageHeadersKeyFieldEvent | FrameMessagesPublishMessageHeadersValueFieldEvent | FrameMessagesPublishMessageAckFieldEvent | FrameMessagesPublishMessageFloorFieldEvent | FrameMessagesPublishMessageQueueGroupFieldEvent | FrameMessagesPublishMessageQueueMemberFieldEvent | FrameMessagesPublishMessageSealFieldEvent | FrameMessagesPublishDirectFieldEvent | FrameMessagesDataTopicFieldEvent | FrameMessagesDataPublisherFieldEvent | FrameMessagesDataEpochFieldEvent | FrameMessagesDataSeqFieldEvent | FrameMessagesDataPayloadFieldEvent | FrameMessagesDataHeadersKeyFieldEvent | FrameMessagesDataHeadersValueFieldEvent | FrameMessagesDataAckFieldEvent | FrameMessagesDataFloorFieldEvent | FrameMessagesDataQueueGroupFieldEvent | FrameMessagesDataQueueMemberFieldEvent | FrameMessagesDataSealFieldEvent | FrameMessagesHeartbeatTopicsFieldEvent | FrameMessagesHeartbeatCountsFieldEvent | FrameMessagesHeartbeatRootsTopicFieldEvent | FrameMessagesHeartbeatRootsSubscribersFieldEvent | FrameMessagesHeartbeatRootsViaFieldEvent | FrameMessagesHeartbeatRootsQueuesGroupFieldEvent | FrameMessagesHeartbeatRootsQueuesMembersFieldEvent | FrameMessagesReplicaEntriesTopicFieldEvent | FrameMessagesReplicaEntriesChildrenFieldEvent | FrameMessagesReplicaEntriesDroppedFieldEvent | FrameMessagesReplicaEntriesRankFieldEvent | FrameMessagesReplicaEntriesMoreFieldEvent | FrameMessagesRedirectTopicFieldEvent | FrameMessagesRedirectCandidatesFieldEvent | FrameMessagesRootInfoTopicFieldEvent | FrameMessagesRootInfoSubscribersFieldEvent | FrameMessagesRouteAckTopicFieldEvent | FrameMessagesRouteAckPublisherFieldEvent | FrameMessagesRouteAckSeqFieldEvent | FrameMessagesNackTopicFieldEvent | FrameMessagesNackPublisherFieldEvent | FrameMessagesNackEpochFieldEvent | FrameMessagesNackFromFieldEvent | FrameMessagesNackToFieldEvent | FrameMessagesNackRequesterFieldEvent | FrameMessagesNackMaxAgeFieldEvent | FrameMessagesReplayMessageTopicFieldEvent | FrameMessagesReplayMessagePublisherFieldEvent | FrameMessagesReplayMessageEpochFieldEvent | FrameMessagesReplayMessageSeqFieldEvent | FrameMessagesReplayMessagePayloadFieldEvent | FrameMessagesReplayMessageHeadersKeyFieldEvent | FrameMessagesReplayMessageHeadersValueFieldEvent | FrameMessagesReplayMessageAckFieldEvent | FrameMessagesReplayMessageFloorFieldEvent | FrameMessagesReplayMessageQueueGroupFieldEvent | FrameMessagesReplayMessageQueueMemberFieldEvent | FrameMessagesReplayMessageSealFieldEvent | FrameMessagesStashMessageTopicFieldEvent | FrameMessagesStashMessagePublisherFieldEvent | FrameMessagesStashMessageEpochFieldEvent | FrameMessagesStashMessageSeqFieldEvent | FrameMessagesStashMessagePayloadFieldEvent | FrameMessagesStashMessageHeadersKeyFieldEvent | FrameMessagesStashMessageHeadersValueFieldEvent | FrameMessagesStashMessageAckFieldEvent | FrameMessagesStashMessageFloorFieldEvent | FrameMessagesStashMessageQueueGroupFieldEvent | FrameMessagesStashMessageQueueMemberFieldEvent | FrameMessagesStashMessageSealFieldEvent | FrameMessagesPublishAckTopicFieldEvent | FrameMessagesPublishAckPublisherFieldEvent | FrameMessagesPublishAckEpochFieldEvent | FrameMessagesPublishAckSeqFieldEvent | FrameMessagesSinceTopicFieldEvent | FrameMessagesSinceSeqFieldEvent | FrameMessagesSinceTimeFieldEvent | FrameMessagesSinceLastFieldEvent | FrameMessagesSinceDoneFieldEvent | FrameMessagesSinceRequesterFieldEvent | FrameMessagesReplyTopicFieldEvent | FrameMessagesReplyRequestFieldEvent | FrameMessagesReplyPayloadFieldEvent | FrameMessagesReplyHeadersKeyFieldEvent | FrameMessagesReplyHeadersValueFieldEvent | FrameMessagesQueueJoinTopicFieldEvent | FrameMessagesQueueJoinGroupFieldEvent | FrameMessagesQueueJoinLeaveFieldEvent | FrameMessagesQueueJoinMaxAckPendingFieldEvent | FrameMessagesQueueJoinPlainFieldEvent | FrameMessagesQueueDeliverGroupFieldEvent | FrameMessagesQueueDeliverMessageTopicFieldEvent | FrameMessagesQueueDeliverMessagePublisherFieldEvent | FrameMessagesQueueDeliverMessageEpochFieldEvent | FrameMessagesQueueDeliverMessageSeqFieldEvent | FrameMessagesQueueDeliverMessagePayloadFieldEvent | FrameMessagesQueueDeliverMessageHeadersKeyFieldEvent | FrameMessagesQueueDeliverMessageHeadersValueFieldEvent | FrameMessagesQueueDeliverMessageAckFieldEvent | FrameMessagesQueueDeliverMessageFloorFieldEvent | FrameMessagesQueueDeliverMessageQueueGroupFieldEvent | FrameMessagesQueueDeliverMessageQueueMemberFieldEvent | FrameMessagesQueueDeliverMessageSealFieldEvent | FrameMessagesQueueDeliverAttemptFieldEvent | FrameMessagesQueueAckTopicFieldEvent | FrameMessagesQueueAckGroupFieldEvent | FrameMessagesQueueAckPublisherFieldEvent | FrameMessagesQueueAckEpochFieldEvent | FrameMessagesQueueAckSeqFieldEvent | FrameMessagesQueueAckKindFieldEvent | FrameMessagesQueueAckDelayFieldEvent | FrameMessagesMailboxOpenNameFieldEvent | FrameMessagesMailboxOpenTopicFieldEvent | FrameMessagesMailboxOpenSubscriberFieldEvent | FrameMessagesMailboxOpenModeFieldEvent | FrameMessagesMailboxStateNameFieldEvent | FrameMessagesMailboxStateTopicFieldEvent | FrameMessagesMailboxStateReadyFieldEvent | FrameMessagesMailboxStateStoredFieldEvent | FrameMessagesMailboxStateDroppedFieldEvent | FrameMessagesMailboxDeliverNameFieldEvent | FrameMessagesMailboxDeliverMessageTopicFieldEvent | FrameMessagesMailboxDeliverMessagePublisherFieldEvent | FrameMessagesMailboxDeliverMessageEpochFieldEvent | FrameMessagesMailboxDeliverMessageSeqFieldEvent | FrameMessagesMailboxDeliverMessagePayloadFieldEvent | FrameMessagesMailboxDeliverMessageHeadersKeyFieldEvent | FrameMessagesMailboxDeliverMessageHeadersValueFieldEvent | FrameMessagesMailboxDeliverMessageAckFieldEvent | FrameMessagesMailboxDeliverMessageFloorFieldEvent | FrameMessagesMailboxDeliverMessageQueueGroupFieldEvent | FrameMessagesMailboxDeliverMessageQueueMemberFieldEvent | FrameMessagesMailboxDeliverMessageSealFieldEvent | FrameMessagesMailboxAckNameFieldEvent | FrameMessagesMailboxAckTopicFieldEvent | FrameMessagesMailboxAckIdsPublisherFieldEvent | FrameMessagesMailboxAckIdsEpochFieldEvent | FrameMessagesMailboxAckIdsSeqFieldEvent | FrameMessagesMailboxSyncNameFieldEvent | FrameMessagesMailboxSyncTopicFieldEvent | FrameMessagesMailboxSyncAckedPublisherFieldEvent | FrameMessagesMailboxSyncAckedEpochFieldEvent | FrameMessagesMailboxSyncAckedSeqFieldEvent | FrameMessagesMailboxSyncMessagesTopicFieldEvent | FrameMessagesMailboxSyncMessagesPublisherFieldEvent | FrameMessagesMailboxSyncMessagesEpochFieldEvent | FrameMessagesMailboxSyncMessagesSeqFieldEvent | FrameMessagesMailboxSyncMessagesPayloadFieldEvent | FrameMessagesMailboxSyncMessagesHeadersKeyFieldEvent | FrameMessagesMailboxSyncMessagesHeadersValueFieldEvent | FrameMessagesMailboxSyncMessagesAckFieldEvent | FrameMessagesMailboxSyncMessagesFloorFieldEvent | FrameMessagesMailboxSyncMessagesQueueGroupFieldEvent | FrameMessagesMailboxSyncMessagesQueueMemberFieldEvent | FrameMessagesMailboxSyncMessagesSealFieldEvent | FrameMessagesMailboxSyncRequestFieldEvent | FrameMessagesMailboxSyncHoldFieldEvent | FrameMessagesGrantsGrantsGrantFieldEvent | FrameMessagesGrantsGrantsSignatureFieldEvent | FrameMessagesGrantsWantFieldEvent | FrameMessagesGrantsRevocationsRevocationFieldEvent | FrameMessagesGrantsRevocationsSignatureFieldEvent>;
}
