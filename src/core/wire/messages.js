import { decodeMessage, encodeMessage, MaxLengthError, message, streamMessage } from 'protons-runtime';
import { alloc as uint8ArrayAlloc } from 'uint8arrays/alloc';
export var Join;
(function (Join) {
    let _codec;
    Join.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.topic != null && obj.topic !== '')) {
                    w.uint32(10);
                    w.string(obj.topic);
                }
                if ((obj.subscribers != null && obj.subscribers !== 0)) {
                    w.uint32(16);
                    w.uint32(obj.subscribers);
                }
                if ((obj.reliable != null && obj.reliable !== false)) {
                    w.uint32(24);
                    w.bool(obj.reliable);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    topic: '',
                    subscribers: 0,
                    reliable: false
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.topic = reader.string();
                            break;
                        }
                        case 2: {
                            obj.subscribers = reader.uint32();
                            break;
                        }
                        case 3: {
                            obj.reliable = reader.bool();
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.topic`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 2: {
                            yield {
                                field: `${prefix}.subscribers`,
                                value: reader.uint32()
                            };
                            break;
                        }
                        case 3: {
                            yield {
                                field: `${prefix}.reliable`,
                                value: reader.bool()
                            };
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, Join.codec());
    }
    Join.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, Join.codec(), opts);
    }
    Join.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, Join.codec(), opts);
    }
    Join.stream = stream;
})(Join || (Join = {}));
export var JoinAck;
(function (JoinAck) {
    let _codec;
    JoinAck.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.topic != null && obj.topic !== '')) {
                    w.uint32(10);
                    w.string(obj.topic);
                }
                if ((obj.attached != null && obj.attached !== false)) {
                    w.uint32(16);
                    w.bool(obj.attached);
                }
                if (obj.path != null && obj.path.length > 0) {
                    for (const value of obj.path) {
                        w.uint32(26);
                        w.string(value);
                    }
                }
                if ((obj.replaces != null && obj.replaces !== '')) {
                    w.uint32(34);
                    w.string(obj.replaces);
                }
                if ((obj.delegate != null && obj.delegate !== false)) {
                    w.uint32(40);
                    w.bool(obj.delegate);
                }
                if ((obj.withdraw != null && obj.withdraw !== false)) {
                    w.uint32(48);
                    w.bool(obj.withdraw);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    topic: '',
                    attached: false,
                    path: [],
                    replaces: '',
                    delegate: false,
                    withdraw: false
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.topic = reader.string();
                            break;
                        }
                        case 2: {
                            obj.attached = reader.bool();
                            break;
                        }
                        case 3: {
                            if (opts.limits?.path != null && obj.path.length === opts.limits.path) {
                                throw new MaxLengthError('Decode error - repeated field "path" had too many elements');
                            }
                            if (obj.path.length === 64) {
                                throw new MaxLengthError('Decode error - repeated field "path" had too many elements');
                            }
                            obj.path.push(reader.string());
                            break;
                        }
                        case 4: {
                            obj.replaces = reader.string();
                            break;
                        }
                        case 5: {
                            obj.delegate = reader.bool();
                            break;
                        }
                        case 6: {
                            obj.withdraw = reader.bool();
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const obj = {
                    path: 64
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.topic`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 2: {
                            yield {
                                field: `${prefix}.attached`,
                                value: reader.bool()
                            };
                            break;
                        }
                        case 3: {
                            if (opts.limits?.path != null && obj.path === opts.limits.path) {
                                throw new MaxLengthError('Streaming decode error - repeated field "path" had too many elements');
                            }
                            if (obj.path === 64) {
                                throw new MaxLengthError('Streaming decode error - repeated field "path" had too many elements');
                            }
                            yield {
                                field: `${prefix}.path[]`,
                                index: obj.path,
                                value: reader.string()
                            };
                            obj.path++;
                            break;
                        }
                        case 4: {
                            yield {
                                field: `${prefix}.replaces`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 5: {
                            yield {
                                field: `${prefix}.delegate`,
                                value: reader.bool()
                            };
                            break;
                        }
                        case 6: {
                            yield {
                                field: `${prefix}.withdraw`,
                                value: reader.bool()
                            };
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, JoinAck.codec());
    }
    JoinAck.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, JoinAck.codec(), opts);
    }
    JoinAck.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, JoinAck.codec(), opts);
    }
    JoinAck.stream = stream;
})(JoinAck || (JoinAck = {}));
export var Leave;
(function (Leave) {
    let _codec;
    Leave.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.topic != null && obj.topic !== '')) {
                    w.uint32(10);
                    w.string(obj.topic);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    topic: ''
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.topic = reader.string();
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.topic`,
                                value: reader.string()
                            };
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, Leave.codec());
    }
    Leave.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, Leave.codec(), opts);
    }
    Leave.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, Leave.codec(), opts);
    }
    Leave.stream = stream;
})(Leave || (Leave = {}));
export var Header;
(function (Header) {
    let _codec;
    Header.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.key != null && obj.key !== '')) {
                    w.uint32(10);
                    w.string(obj.key);
                }
                if ((obj.value != null && obj.value !== '')) {
                    w.uint32(18);
                    w.string(obj.value);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    key: '',
                    value: ''
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.key = reader.string();
                            break;
                        }
                        case 2: {
                            obj.value = reader.string();
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.key`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 2: {
                            yield {
                                field: `${prefix}.value`,
                                value: reader.string()
                            };
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, Header.codec());
    }
    Header.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, Header.codec(), opts);
    }
    Header.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, Header.codec(), opts);
    }
    Header.stream = stream;
})(Header || (Header = {}));
export var AppMessage;
(function (AppMessage) {
    let _codec;
    AppMessage.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.topic != null && obj.topic !== '')) {
                    w.uint32(10);
                    w.string(obj.topic);
                }
                if ((obj.publisher != null && obj.publisher !== '')) {
                    w.uint32(18);
                    w.string(obj.publisher);
                }
                if ((obj.epoch != null && obj.epoch !== 0)) {
                    w.uint32(24);
                    w.uint64Number(obj.epoch);
                }
                if ((obj.seq != null && obj.seq !== 0)) {
                    w.uint32(32);
                    w.uint64Number(obj.seq);
                }
                if ((obj.payload != null && obj.payload.byteLength > 0)) {
                    w.uint32(42);
                    w.bytes(obj.payload);
                }
                if (obj.headers != null && obj.headers.length > 0) {
                    for (const value of obj.headers) {
                        w.uint32(50);
                        Header.codec().encode(value, w);
                    }
                }
                if ((obj.ack != null && obj.ack !== false)) {
                    w.uint32(56);
                    w.bool(obj.ack);
                }
                if ((obj.floor != null && obj.floor !== 0)) {
                    w.uint32(64);
                    w.uint64Number(obj.floor);
                }
                if (obj.queue != null && obj.queue.length > 0) {
                    for (const value of obj.queue) {
                        w.uint32(74);
                        QueueAssign.codec().encode(value, w);
                    }
                }
                if ((obj.seal != null && obj.seal.byteLength > 0)) {
                    w.uint32(82);
                    w.bytes(obj.seal);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    topic: '',
                    publisher: '',
                    epoch: 0,
                    seq: 0,
                    payload: EMPTY_BYTES,
                    headers: [],
                    ack: false,
                    floor: 0,
                    queue: [],
                    seal: EMPTY_BYTES
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.topic = reader.string();
                            break;
                        }
                        case 2: {
                            obj.publisher = reader.string();
                            break;
                        }
                        case 3: {
                            obj.epoch = reader.uint64Number();
                            break;
                        }
                        case 4: {
                            obj.seq = reader.uint64Number();
                            break;
                        }
                        case 5: {
                            obj.payload = reader.bytes();
                            break;
                        }
                        case 6: {
                            if (opts.limits?.headers != null && obj.headers.length === opts.limits.headers) {
                                throw new MaxLengthError('Decode error - repeated field "headers" had too many elements');
                            }
                            if (obj.headers.length === 64) {
                                throw new MaxLengthError('Decode error - repeated field "headers" had too many elements');
                            }
                            obj.headers.push(Header.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.headers$
                            }));
                            break;
                        }
                        case 7: {
                            obj.ack = reader.bool();
                            break;
                        }
                        case 8: {
                            obj.floor = reader.uint64Number();
                            break;
                        }
                        case 9: {
                            if (opts.limits?.queue != null && obj.queue.length === opts.limits.queue) {
                                throw new MaxLengthError('Decode error - repeated field "queue" had too many elements');
                            }
                            if (obj.queue.length === 64) {
                                throw new MaxLengthError('Decode error - repeated field "queue" had too many elements');
                            }
                            obj.queue.push(QueueAssign.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.queue$
                            }));
                            break;
                        }
                        case 10: {
                            obj.seal = reader.bytes();
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const obj = {
                    headers: 64,
                    queue: 64
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.topic`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 2: {
                            yield {
                                field: `${prefix}.publisher`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 3: {
                            yield {
                                field: `${prefix}.epoch`,
                                value: reader.uint64Number()
                            };
                            break;
                        }
                        case 4: {
                            yield {
                                field: `${prefix}.seq`,
                                value: reader.uint64Number()
                            };
                            break;
                        }
                        case 5: {
                            yield {
                                field: `${prefix}.payload`,
                                value: reader.bytes()
                            };
                            break;
                        }
                        case 6: {
                            if (opts.limits?.headers != null && obj.headers === opts.limits.headers) {
                                throw new MaxLengthError('Streaming decode error - repeated field "headers" had too many elements');
                            }
                            if (obj.headers === 64) {
                                throw new MaxLengthError('Streaming decode error - repeated field "headers" had too many elements');
                            }
                            for (const evt of Header.codec().stream(reader, reader.uint32(), `${prefix}.headers[]`, {
                                limits: opts.limits?.headers$
                            })) {
                                yield {
                                    ...evt,
                                    index: obj.headers
                                };
                            }
                            obj.headers++;
                            break;
                        }
                        case 7: {
                            yield {
                                field: `${prefix}.ack`,
                                value: reader.bool()
                            };
                            break;
                        }
                        case 8: {
                            yield {
                                field: `${prefix}.floor`,
                                value: reader.uint64Number()
                            };
                            break;
                        }
                        case 9: {
                            if (opts.limits?.queue != null && obj.queue === opts.limits.queue) {
                                throw new MaxLengthError('Streaming decode error - repeated field "queue" had too many elements');
                            }
                            if (obj.queue === 64) {
                                throw new MaxLengthError('Streaming decode error - repeated field "queue" had too many elements');
                            }
                            for (const evt of QueueAssign.codec().stream(reader, reader.uint32(), `${prefix}.queue[]`, {
                                limits: opts.limits?.queue$
                            })) {
                                yield {
                                    ...evt,
                                    index: obj.queue
                                };
                            }
                            obj.queue++;
                            break;
                        }
                        case 10: {
                            yield {
                                field: `${prefix}.seal`,
                                value: reader.bytes()
                            };
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, AppMessage.codec());
    }
    AppMessage.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, AppMessage.codec(), opts);
    }
    AppMessage.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, AppMessage.codec(), opts);
    }
    AppMessage.stream = stream;
})(AppMessage || (AppMessage = {}));
export var QueueAssign;
(function (QueueAssign) {
    let _codec;
    QueueAssign.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.group != null && obj.group !== '')) {
                    w.uint32(10);
                    w.string(obj.group);
                }
                if ((obj.member != null && obj.member !== '')) {
                    w.uint32(18);
                    w.string(obj.member);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    group: '',
                    member: ''
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.group = reader.string();
                            break;
                        }
                        case 2: {
                            obj.member = reader.string();
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.group`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 2: {
                            yield {
                                field: `${prefix}.member`,
                                value: reader.string()
                            };
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, QueueAssign.codec());
    }
    QueueAssign.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, QueueAssign.codec(), opts);
    }
    QueueAssign.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, QueueAssign.codec(), opts);
    }
    QueueAssign.stream = stream;
})(QueueAssign || (QueueAssign = {}));
export var Publish;
(function (Publish) {
    let _codec;
    Publish.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if (obj.message != null) {
                    w.uint32(10);
                    AppMessage.codec().encode(obj.message, w);
                }
                if ((obj.direct != null && obj.direct !== false)) {
                    w.uint32(16);
                    w.bool(obj.direct);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    direct: false
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.message = AppMessage.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.message
                            });
                            break;
                        }
                        case 2: {
                            obj.direct = reader.bool();
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield* AppMessage.codec().stream(reader, reader.uint32(), `${prefix}.message`, {
                                limits: opts.limits?.message
                            });
                            break;
                        }
                        case 2: {
                            yield {
                                field: `${prefix}.direct`,
                                value: reader.bool()
                            };
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, Publish.codec());
    }
    Publish.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, Publish.codec(), opts);
    }
    Publish.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, Publish.codec(), opts);
    }
    Publish.stream = stream;
})(Publish || (Publish = {}));
export var Heartbeat;
(function (Heartbeat) {
    let _codec;
    Heartbeat.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if (obj.topics != null && obj.topics.length > 0) {
                    for (const value of obj.topics) {
                        w.uint32(10);
                        w.string(value);
                    }
                }
                if (obj.counts != null && obj.counts.length > 0) {
                    for (const value of obj.counts) {
                        w.uint32(16);
                        w.uint32(value);
                    }
                }
                if (obj.roots != null && obj.roots.length > 0) {
                    for (const value of obj.roots) {
                        w.uint32(26);
                        TopicCount.codec().encode(value, w);
                    }
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    topics: [],
                    counts: [],
                    roots: []
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            if (opts.limits?.topics != null && obj.topics.length === opts.limits.topics) {
                                throw new MaxLengthError('Decode error - repeated field "topics" had too many elements');
                            }
                            if (obj.topics.length === 4096) {
                                throw new MaxLengthError('Decode error - repeated field "topics" had too many elements');
                            }
                            obj.topics.push(reader.string());
                            break;
                        }
                        case 2: {
                            if (opts.limits?.counts != null && obj.counts.length === opts.limits.counts) {
                                throw new MaxLengthError('Decode error - repeated field "counts" had too many elements');
                            }
                            if (obj.counts.length === 4096) {
                                throw new MaxLengthError('Decode error - repeated field "counts" had too many elements');
                            }
                            obj.counts.push(reader.uint32());
                            break;
                        }
                        case 3: {
                            if (opts.limits?.roots != null && obj.roots.length === opts.limits.roots) {
                                throw new MaxLengthError('Decode error - repeated field "roots" had too many elements');
                            }
                            if (obj.roots.length === 4096) {
                                throw new MaxLengthError('Decode error - repeated field "roots" had too many elements');
                            }
                            obj.roots.push(TopicCount.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.roots$
                            }));
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const obj = {
                    topics: 4096,
                    counts: 4096,
                    roots: 4096
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            if (opts.limits?.topics != null && obj.topics === opts.limits.topics) {
                                throw new MaxLengthError('Streaming decode error - repeated field "topics" had too many elements');
                            }
                            if (obj.topics === 4096) {
                                throw new MaxLengthError('Streaming decode error - repeated field "topics" had too many elements');
                            }
                            yield {
                                field: `${prefix}.topics[]`,
                                index: obj.topics,
                                value: reader.string()
                            };
                            obj.topics++;
                            break;
                        }
                        case 2: {
                            if (opts.limits?.counts != null && obj.counts === opts.limits.counts) {
                                throw new MaxLengthError('Streaming decode error - repeated field "counts" had too many elements');
                            }
                            if (obj.counts === 4096) {
                                throw new MaxLengthError('Streaming decode error - repeated field "counts" had too many elements');
                            }
                            yield {
                                field: `${prefix}.counts[]`,
                                index: obj.counts,
                                value: reader.uint32()
                            };
                            obj.counts++;
                            break;
                        }
                        case 3: {
                            if (opts.limits?.roots != null && obj.roots === opts.limits.roots) {
                                throw new MaxLengthError('Streaming decode error - repeated field "roots" had too many elements');
                            }
                            if (obj.roots === 4096) {
                                throw new MaxLengthError('Streaming decode error - repeated field "roots" had too many elements');
                            }
                            for (const evt of TopicCount.codec().stream(reader, reader.uint32(), `${prefix}.roots[]`, {
                                limits: opts.limits?.roots$
                            })) {
                                yield {
                                    ...evt,
                                    index: obj.roots
                                };
                            }
                            obj.roots++;
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, Heartbeat.codec());
    }
    Heartbeat.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, Heartbeat.codec(), opts);
    }
    Heartbeat.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, Heartbeat.codec(), opts);
    }
    Heartbeat.stream = stream;
})(Heartbeat || (Heartbeat = {}));
export var TopicCount;
(function (TopicCount) {
    let _codec;
    TopicCount.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.topic != null && obj.topic !== '')) {
                    w.uint32(10);
                    w.string(obj.topic);
                }
                if ((obj.subscribers != null && obj.subscribers !== 0)) {
                    w.uint32(16);
                    w.uint32(obj.subscribers);
                }
                if ((obj.via != null && obj.via !== '')) {
                    w.uint32(26);
                    w.string(obj.via);
                }
                if (obj.queues != null && obj.queues.length > 0) {
                    for (const value of obj.queues) {
                        w.uint32(34);
                        QueueMembers.codec().encode(value, w);
                    }
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    topic: '',
                    subscribers: 0,
                    via: '',
                    queues: []
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.topic = reader.string();
                            break;
                        }
                        case 2: {
                            obj.subscribers = reader.uint32();
                            break;
                        }
                        case 3: {
                            obj.via = reader.string();
                            break;
                        }
                        case 4: {
                            if (opts.limits?.queues != null && obj.queues.length === opts.limits.queues) {
                                throw new MaxLengthError('Decode error - repeated field "queues" had too many elements');
                            }
                            if (obj.queues.length === 8) {
                                throw new MaxLengthError('Decode error - repeated field "queues" had too many elements');
                            }
                            obj.queues.push(QueueMembers.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.queues$
                            }));
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const obj = {
                    queues: 8
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.topic`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 2: {
                            yield {
                                field: `${prefix}.subscribers`,
                                value: reader.uint32()
                            };
                            break;
                        }
                        case 3: {
                            yield {
                                field: `${prefix}.via`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 4: {
                            if (opts.limits?.queues != null && obj.queues === opts.limits.queues) {
                                throw new MaxLengthError('Streaming decode error - repeated field "queues" had too many elements');
                            }
                            if (obj.queues === 8) {
                                throw new MaxLengthError('Streaming decode error - repeated field "queues" had too many elements');
                            }
                            for (const evt of QueueMembers.codec().stream(reader, reader.uint32(), `${prefix}.queues[]`, {
                                limits: opts.limits?.queues$
                            })) {
                                yield {
                                    ...evt,
                                    index: obj.queues
                                };
                            }
                            obj.queues++;
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, TopicCount.codec());
    }
    TopicCount.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, TopicCount.codec(), opts);
    }
    TopicCount.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, TopicCount.codec(), opts);
    }
    TopicCount.stream = stream;
})(TopicCount || (TopicCount = {}));
export var QueueMembers;
(function (QueueMembers) {
    let _codec;
    QueueMembers.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.group != null && obj.group !== '')) {
                    w.uint32(10);
                    w.string(obj.group);
                }
                if (obj.members != null && obj.members.length > 0) {
                    for (const value of obj.members) {
                        w.uint32(18);
                        w.string(value);
                    }
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    group: '',
                    members: []
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.group = reader.string();
                            break;
                        }
                        case 2: {
                            if (opts.limits?.members != null && obj.members.length === opts.limits.members) {
                                throw new MaxLengthError('Decode error - repeated field "members" had too many elements');
                            }
                            if (obj.members.length === 64) {
                                throw new MaxLengthError('Decode error - repeated field "members" had too many elements');
                            }
                            obj.members.push(reader.string());
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const obj = {
                    members: 64
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.group`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 2: {
                            if (opts.limits?.members != null && obj.members === opts.limits.members) {
                                throw new MaxLengthError('Streaming decode error - repeated field "members" had too many elements');
                            }
                            if (obj.members === 64) {
                                throw new MaxLengthError('Streaming decode error - repeated field "members" had too many elements');
                            }
                            yield {
                                field: `${prefix}.members[]`,
                                index: obj.members,
                                value: reader.string()
                            };
                            obj.members++;
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, QueueMembers.codec());
    }
    QueueMembers.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, QueueMembers.codec(), opts);
    }
    QueueMembers.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, QueueMembers.codec(), opts);
    }
    QueueMembers.stream = stream;
})(QueueMembers || (QueueMembers = {}));
export var Replica;
(function (Replica) {
    let _codec;
    Replica.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if (obj.entries != null && obj.entries.length > 0) {
                    for (const value of obj.entries) {
                        w.uint32(10);
                        ReplicaEntry.codec().encode(value, w);
                    }
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    entries: []
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            if (opts.limits?.entries != null && obj.entries.length === opts.limits.entries) {
                                throw new MaxLengthError('Decode error - repeated field "entries" had too many elements');
                            }
                            if (obj.entries.length === 1024) {
                                throw new MaxLengthError('Decode error - repeated field "entries" had too many elements');
                            }
                            obj.entries.push(ReplicaEntry.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.entries$
                            }));
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const obj = {
                    entries: 1024
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            if (opts.limits?.entries != null && obj.entries === opts.limits.entries) {
                                throw new MaxLengthError('Streaming decode error - repeated field "entries" had too many elements');
                            }
                            if (obj.entries === 1024) {
                                throw new MaxLengthError('Streaming decode error - repeated field "entries" had too many elements');
                            }
                            for (const evt of ReplicaEntry.codec().stream(reader, reader.uint32(), `${prefix}.entries[]`, {
                                limits: opts.limits?.entries$
                            })) {
                                yield {
                                    ...evt,
                                    index: obj.entries
                                };
                            }
                            obj.entries++;
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, Replica.codec());
    }
    Replica.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, Replica.codec(), opts);
    }
    Replica.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, Replica.codec(), opts);
    }
    Replica.stream = stream;
})(Replica || (Replica = {}));
export var ReplicaEntry;
(function (ReplicaEntry) {
    let _codec;
    ReplicaEntry.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.topic != null && obj.topic !== '')) {
                    w.uint32(10);
                    w.string(obj.topic);
                }
                if (obj.children != null && obj.children.length > 0) {
                    for (const value of obj.children) {
                        w.uint32(18);
                        w.string(value);
                    }
                }
                if ((obj.dropped != null && obj.dropped !== false)) {
                    w.uint32(24);
                    w.bool(obj.dropped);
                }
                if ((obj.rank != null && obj.rank !== 0)) {
                    w.uint32(32);
                    w.uint32(obj.rank);
                }
                if ((obj.more != null && obj.more !== false)) {
                    w.uint32(40);
                    w.bool(obj.more);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    topic: '',
                    children: [],
                    dropped: false,
                    rank: 0,
                    more: false
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.topic = reader.string();
                            break;
                        }
                        case 2: {
                            if (opts.limits?.children != null && obj.children.length === opts.limits.children) {
                                throw new MaxLengthError('Decode error - repeated field "children" had too many elements');
                            }
                            if (obj.children.length === 1024) {
                                throw new MaxLengthError('Decode error - repeated field "children" had too many elements');
                            }
                            obj.children.push(reader.string());
                            break;
                        }
                        case 3: {
                            obj.dropped = reader.bool();
                            break;
                        }
                        case 4: {
                            obj.rank = reader.uint32();
                            break;
                        }
                        case 5: {
                            obj.more = reader.bool();
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const obj = {
                    children: 1024
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.topic`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 2: {
                            if (opts.limits?.children != null && obj.children === opts.limits.children) {
                                throw new MaxLengthError('Streaming decode error - repeated field "children" had too many elements');
                            }
                            if (obj.children === 1024) {
                                throw new MaxLengthError('Streaming decode error - repeated field "children" had too many elements');
                            }
                            yield {
                                field: `${prefix}.children[]`,
                                index: obj.children,
                                value: reader.string()
                            };
                            obj.children++;
                            break;
                        }
                        case 3: {
                            yield {
                                field: `${prefix}.dropped`,
                                value: reader.bool()
                            };
                            break;
                        }
                        case 4: {
                            yield {
                                field: `${prefix}.rank`,
                                value: reader.uint32()
                            };
                            break;
                        }
                        case 5: {
                            yield {
                                field: `${prefix}.more`,
                                value: reader.bool()
                            };
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, ReplicaEntry.codec());
    }
    ReplicaEntry.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, ReplicaEntry.codec(), opts);
    }
    ReplicaEntry.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, ReplicaEntry.codec(), opts);
    }
    ReplicaEntry.stream = stream;
})(ReplicaEntry || (ReplicaEntry = {}));
export var Redirect;
(function (Redirect) {
    let _codec;
    Redirect.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.topic != null && obj.topic !== '')) {
                    w.uint32(10);
                    w.string(obj.topic);
                }
                if (obj.candidates != null && obj.candidates.length > 0) {
                    for (const value of obj.candidates) {
                        w.uint32(18);
                        w.string(value);
                    }
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    topic: '',
                    candidates: []
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.topic = reader.string();
                            break;
                        }
                        case 2: {
                            if (opts.limits?.candidates != null && obj.candidates.length === opts.limits.candidates) {
                                throw new MaxLengthError('Decode error - repeated field "candidates" had too many elements');
                            }
                            if (obj.candidates.length === 64) {
                                throw new MaxLengthError('Decode error - repeated field "candidates" had too many elements');
                            }
                            obj.candidates.push(reader.string());
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const obj = {
                    candidates: 64
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.topic`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 2: {
                            if (opts.limits?.candidates != null && obj.candidates === opts.limits.candidates) {
                                throw new MaxLengthError('Streaming decode error - repeated field "candidates" had too many elements');
                            }
                            if (obj.candidates === 64) {
                                throw new MaxLengthError('Streaming decode error - repeated field "candidates" had too many elements');
                            }
                            yield {
                                field: `${prefix}.candidates[]`,
                                index: obj.candidates,
                                value: reader.string()
                            };
                            obj.candidates++;
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, Redirect.codec());
    }
    Redirect.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, Redirect.codec(), opts);
    }
    Redirect.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, Redirect.codec(), opts);
    }
    Redirect.stream = stream;
})(Redirect || (Redirect = {}));
export var RootInfo;
(function (RootInfo) {
    let _codec;
    RootInfo.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.topic != null && obj.topic !== '')) {
                    w.uint32(10);
                    w.string(obj.topic);
                }
                if ((obj.subscribers != null && obj.subscribers !== 0)) {
                    w.uint32(16);
                    w.uint32(obj.subscribers);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    topic: '',
                    subscribers: 0
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.topic = reader.string();
                            break;
                        }
                        case 2: {
                            obj.subscribers = reader.uint32();
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.topic`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 2: {
                            yield {
                                field: `${prefix}.subscribers`,
                                value: reader.uint32()
                            };
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, RootInfo.codec());
    }
    RootInfo.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, RootInfo.codec(), opts);
    }
    RootInfo.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, RootInfo.codec(), opts);
    }
    RootInfo.stream = stream;
})(RootInfo || (RootInfo = {}));
export var RouteAck;
(function (RouteAck) {
    let _codec;
    RouteAck.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.topic != null && obj.topic !== '')) {
                    w.uint32(10);
                    w.string(obj.topic);
                }
                if ((obj.publisher != null && obj.publisher !== '')) {
                    w.uint32(18);
                    w.string(obj.publisher);
                }
                if ((obj.seq != null && obj.seq !== 0)) {
                    w.uint32(24);
                    w.uint64Number(obj.seq);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    topic: '',
                    publisher: '',
                    seq: 0
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.topic = reader.string();
                            break;
                        }
                        case 2: {
                            obj.publisher = reader.string();
                            break;
                        }
                        case 3: {
                            obj.seq = reader.uint64Number();
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.topic`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 2: {
                            yield {
                                field: `${prefix}.publisher`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 3: {
                            yield {
                                field: `${prefix}.seq`,
                                value: reader.uint64Number()
                            };
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, RouteAck.codec());
    }
    RouteAck.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, RouteAck.codec(), opts);
    }
    RouteAck.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, RouteAck.codec(), opts);
    }
    RouteAck.stream = stream;
})(RouteAck || (RouteAck = {}));
export var Nack;
(function (Nack) {
    let _codec;
    Nack.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.topic != null && obj.topic !== '')) {
                    w.uint32(10);
                    w.string(obj.topic);
                }
                if ((obj.publisher != null && obj.publisher !== '')) {
                    w.uint32(18);
                    w.string(obj.publisher);
                }
                if ((obj.epoch != null && obj.epoch !== 0)) {
                    w.uint32(24);
                    w.uint64Number(obj.epoch);
                }
                if ((obj.from != null && obj.from !== 0)) {
                    w.uint32(32);
                    w.uint64Number(obj.from);
                }
                if ((obj.to != null && obj.to !== 0)) {
                    w.uint32(40);
                    w.uint64Number(obj.to);
                }
                if ((obj.requester != null && obj.requester !== '')) {
                    w.uint32(50);
                    w.string(obj.requester);
                }
                if ((obj.maxAge != null && obj.maxAge !== 0)) {
                    w.uint32(56);
                    w.uint64Number(obj.maxAge);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    topic: '',
                    publisher: '',
                    epoch: 0,
                    from: 0,
                    to: 0,
                    requester: '',
                    maxAge: 0
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.topic = reader.string();
                            break;
                        }
                        case 2: {
                            obj.publisher = reader.string();
                            break;
                        }
                        case 3: {
                            obj.epoch = reader.uint64Number();
                            break;
                        }
                        case 4: {
                            obj.from = reader.uint64Number();
                            break;
                        }
                        case 5: {
                            obj.to = reader.uint64Number();
                            break;
                        }
                        case 6: {
                            obj.requester = reader.string();
                            break;
                        }
                        case 7: {
                            obj.maxAge = reader.uint64Number();
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.topic`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 2: {
                            yield {
                                field: `${prefix}.publisher`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 3: {
                            yield {
                                field: `${prefix}.epoch`,
                                value: reader.uint64Number()
                            };
                            break;
                        }
                        case 4: {
                            yield {
                                field: `${prefix}.from`,
                                value: reader.uint64Number()
                            };
                            break;
                        }
                        case 5: {
                            yield {
                                field: `${prefix}.to`,
                                value: reader.uint64Number()
                            };
                            break;
                        }
                        case 6: {
                            yield {
                                field: `${prefix}.requester`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 7: {
                            yield {
                                field: `${prefix}.maxAge`,
                                value: reader.uint64Number()
                            };
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, Nack.codec());
    }
    Nack.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, Nack.codec(), opts);
    }
    Nack.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, Nack.codec(), opts);
    }
    Nack.stream = stream;
})(Nack || (Nack = {}));
export var Replay;
(function (Replay) {
    let _codec;
    Replay.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if (obj.message != null) {
                    w.uint32(10);
                    AppMessage.codec().encode(obj.message, w);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {};
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.message = AppMessage.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.message
                            });
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield* AppMessage.codec().stream(reader, reader.uint32(), `${prefix}.message`, {
                                limits: opts.limits?.message
                            });
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, Replay.codec());
    }
    Replay.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, Replay.codec(), opts);
    }
    Replay.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, Replay.codec(), opts);
    }
    Replay.stream = stream;
})(Replay || (Replay = {}));
export var Stash;
(function (Stash) {
    let _codec;
    Stash.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if (obj.message != null) {
                    w.uint32(10);
                    AppMessage.codec().encode(obj.message, w);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {};
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.message = AppMessage.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.message
                            });
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield* AppMessage.codec().stream(reader, reader.uint32(), `${prefix}.message`, {
                                limits: opts.limits?.message
                            });
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, Stash.codec());
    }
    Stash.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, Stash.codec(), opts);
    }
    Stash.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, Stash.codec(), opts);
    }
    Stash.stream = stream;
})(Stash || (Stash = {}));
export var PublishAck;
(function (PublishAck) {
    let _codec;
    PublishAck.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.topic != null && obj.topic !== '')) {
                    w.uint32(10);
                    w.string(obj.topic);
                }
                if ((obj.publisher != null && obj.publisher !== '')) {
                    w.uint32(18);
                    w.string(obj.publisher);
                }
                if ((obj.epoch != null && obj.epoch !== 0)) {
                    w.uint32(24);
                    w.uint64Number(obj.epoch);
                }
                if ((obj.seq != null && obj.seq !== 0)) {
                    w.uint32(32);
                    w.uint64Number(obj.seq);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    topic: '',
                    publisher: '',
                    epoch: 0,
                    seq: 0
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.topic = reader.string();
                            break;
                        }
                        case 2: {
                            obj.publisher = reader.string();
                            break;
                        }
                        case 3: {
                            obj.epoch = reader.uint64Number();
                            break;
                        }
                        case 4: {
                            obj.seq = reader.uint64Number();
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.topic`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 2: {
                            yield {
                                field: `${prefix}.publisher`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 3: {
                            yield {
                                field: `${prefix}.epoch`,
                                value: reader.uint64Number()
                            };
                            break;
                        }
                        case 4: {
                            yield {
                                field: `${prefix}.seq`,
                                value: reader.uint64Number()
                            };
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, PublishAck.codec());
    }
    PublishAck.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, PublishAck.codec(), opts);
    }
    PublishAck.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, PublishAck.codec(), opts);
    }
    PublishAck.stream = stream;
})(PublishAck || (PublishAck = {}));
export var Since;
(function (Since) {
    let _codec;
    Since.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.topic != null && obj.topic !== '')) {
                    w.uint32(10);
                    w.string(obj.topic);
                }
                if ((obj.seq != null && obj.seq !== 0)) {
                    w.uint32(16);
                    w.uint64Number(obj.seq);
                }
                if ((obj.time != null && obj.time !== 0)) {
                    w.uint32(24);
                    w.uint64Number(obj.time);
                }
                if ((obj.last != null && obj.last !== 0)) {
                    w.uint32(32);
                    w.uint32(obj.last);
                }
                if ((obj.done != null && obj.done !== false)) {
                    w.uint32(40);
                    w.bool(obj.done);
                }
                if ((obj.requester != null && obj.requester !== '')) {
                    w.uint32(50);
                    w.string(obj.requester);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    topic: '',
                    seq: 0,
                    time: 0,
                    last: 0,
                    done: false,
                    requester: ''
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.topic = reader.string();
                            break;
                        }
                        case 2: {
                            obj.seq = reader.uint64Number();
                            break;
                        }
                        case 3: {
                            obj.time = reader.uint64Number();
                            break;
                        }
                        case 4: {
                            obj.last = reader.uint32();
                            break;
                        }
                        case 5: {
                            obj.done = reader.bool();
                            break;
                        }
                        case 6: {
                            obj.requester = reader.string();
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.topic`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 2: {
                            yield {
                                field: `${prefix}.seq`,
                                value: reader.uint64Number()
                            };
                            break;
                        }
                        case 3: {
                            yield {
                                field: `${prefix}.time`,
                                value: reader.uint64Number()
                            };
                            break;
                        }
                        case 4: {
                            yield {
                                field: `${prefix}.last`,
                                value: reader.uint32()
                            };
                            break;
                        }
                        case 5: {
                            yield {
                                field: `${prefix}.done`,
                                value: reader.bool()
                            };
                            break;
                        }
                        case 6: {
                            yield {
                                field: `${prefix}.requester`,
                                value: reader.string()
                            };
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, Since.codec());
    }
    Since.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, Since.codec(), opts);
    }
    Since.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, Since.codec(), opts);
    }
    Since.stream = stream;
})(Since || (Since = {}));
export var Reply;
(function (Reply) {
    let _codec;
    Reply.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.topic != null && obj.topic !== '')) {
                    w.uint32(10);
                    w.string(obj.topic);
                }
                if ((obj.request != null && obj.request !== 0)) {
                    w.uint32(16);
                    w.uint64Number(obj.request);
                }
                if ((obj.payload != null && obj.payload.byteLength > 0)) {
                    w.uint32(26);
                    w.bytes(obj.payload);
                }
                if (obj.headers != null && obj.headers.length > 0) {
                    for (const value of obj.headers) {
                        w.uint32(34);
                        Header.codec().encode(value, w);
                    }
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    topic: '',
                    request: 0,
                    payload: EMPTY_BYTES,
                    headers: []
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.topic = reader.string();
                            break;
                        }
                        case 2: {
                            obj.request = reader.uint64Number();
                            break;
                        }
                        case 3: {
                            obj.payload = reader.bytes();
                            break;
                        }
                        case 4: {
                            if (opts.limits?.headers != null && obj.headers.length === opts.limits.headers) {
                                throw new MaxLengthError('Decode error - repeated field "headers" had too many elements');
                            }
                            if (obj.headers.length === 64) {
                                throw new MaxLengthError('Decode error - repeated field "headers" had too many elements');
                            }
                            obj.headers.push(Header.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.headers$
                            }));
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const obj = {
                    headers: 64
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.topic`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 2: {
                            yield {
                                field: `${prefix}.request`,
                                value: reader.uint64Number()
                            };
                            break;
                        }
                        case 3: {
                            yield {
                                field: `${prefix}.payload`,
                                value: reader.bytes()
                            };
                            break;
                        }
                        case 4: {
                            if (opts.limits?.headers != null && obj.headers === opts.limits.headers) {
                                throw new MaxLengthError('Streaming decode error - repeated field "headers" had too many elements');
                            }
                            if (obj.headers === 64) {
                                throw new MaxLengthError('Streaming decode error - repeated field "headers" had too many elements');
                            }
                            for (const evt of Header.codec().stream(reader, reader.uint32(), `${prefix}.headers[]`, {
                                limits: opts.limits?.headers$
                            })) {
                                yield {
                                    ...evt,
                                    index: obj.headers
                                };
                            }
                            obj.headers++;
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, Reply.codec());
    }
    Reply.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, Reply.codec(), opts);
    }
    Reply.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, Reply.codec(), opts);
    }
    Reply.stream = stream;
})(Reply || (Reply = {}));
export var QueueJoin;
(function (QueueJoin) {
    let _codec;
    QueueJoin.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.topic != null && obj.topic !== '')) {
                    w.uint32(10);
                    w.string(obj.topic);
                }
                if ((obj.group != null && obj.group !== '')) {
                    w.uint32(18);
                    w.string(obj.group);
                }
                if ((obj.leave != null && obj.leave !== false)) {
                    w.uint32(24);
                    w.bool(obj.leave);
                }
                if ((obj.maxAckPending != null && obj.maxAckPending !== 0)) {
                    w.uint32(32);
                    w.uint32(obj.maxAckPending);
                }
                if ((obj.plain != null && obj.plain !== false)) {
                    w.uint32(40);
                    w.bool(obj.plain);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    topic: '',
                    group: '',
                    leave: false,
                    maxAckPending: 0,
                    plain: false
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.topic = reader.string();
                            break;
                        }
                        case 2: {
                            obj.group = reader.string();
                            break;
                        }
                        case 3: {
                            obj.leave = reader.bool();
                            break;
                        }
                        case 4: {
                            obj.maxAckPending = reader.uint32();
                            break;
                        }
                        case 5: {
                            obj.plain = reader.bool();
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.topic`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 2: {
                            yield {
                                field: `${prefix}.group`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 3: {
                            yield {
                                field: `${prefix}.leave`,
                                value: reader.bool()
                            };
                            break;
                        }
                        case 4: {
                            yield {
                                field: `${prefix}.maxAckPending`,
                                value: reader.uint32()
                            };
                            break;
                        }
                        case 5: {
                            yield {
                                field: `${prefix}.plain`,
                                value: reader.bool()
                            };
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, QueueJoin.codec());
    }
    QueueJoin.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, QueueJoin.codec(), opts);
    }
    QueueJoin.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, QueueJoin.codec(), opts);
    }
    QueueJoin.stream = stream;
})(QueueJoin || (QueueJoin = {}));
export var QueueDeliver;
(function (QueueDeliver) {
    let _codec;
    QueueDeliver.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.group != null && obj.group !== '')) {
                    w.uint32(10);
                    w.string(obj.group);
                }
                if (obj.message != null) {
                    w.uint32(18);
                    AppMessage.codec().encode(obj.message, w);
                }
                if ((obj.attempt != null && obj.attempt !== 0)) {
                    w.uint32(24);
                    w.uint32(obj.attempt);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    group: '',
                    attempt: 0
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.group = reader.string();
                            break;
                        }
                        case 2: {
                            obj.message = AppMessage.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.message
                            });
                            break;
                        }
                        case 3: {
                            obj.attempt = reader.uint32();
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.group`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 2: {
                            yield* AppMessage.codec().stream(reader, reader.uint32(), `${prefix}.message`, {
                                limits: opts.limits?.message
                            });
                            break;
                        }
                        case 3: {
                            yield {
                                field: `${prefix}.attempt`,
                                value: reader.uint32()
                            };
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, QueueDeliver.codec());
    }
    QueueDeliver.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, QueueDeliver.codec(), opts);
    }
    QueueDeliver.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, QueueDeliver.codec(), opts);
    }
    QueueDeliver.stream = stream;
})(QueueDeliver || (QueueDeliver = {}));
export var QueueAck;
(function (QueueAck) {
    let _codec;
    QueueAck.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.topic != null && obj.topic !== '')) {
                    w.uint32(10);
                    w.string(obj.topic);
                }
                if ((obj.group != null && obj.group !== '')) {
                    w.uint32(18);
                    w.string(obj.group);
                }
                if ((obj.publisher != null && obj.publisher !== '')) {
                    w.uint32(26);
                    w.string(obj.publisher);
                }
                if ((obj.epoch != null && obj.epoch !== 0)) {
                    w.uint32(32);
                    w.uint64Number(obj.epoch);
                }
                if ((obj.seq != null && obj.seq !== 0)) {
                    w.uint32(40);
                    w.uint64Number(obj.seq);
                }
                if ((obj.kind != null && obj.kind !== 0)) {
                    w.uint32(48);
                    w.uint32(obj.kind);
                }
                if ((obj.delay != null && obj.delay !== 0)) {
                    w.uint32(56);
                    w.uint32(obj.delay);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    topic: '',
                    group: '',
                    publisher: '',
                    epoch: 0,
                    seq: 0,
                    kind: 0,
                    delay: 0
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.topic = reader.string();
                            break;
                        }
                        case 2: {
                            obj.group = reader.string();
                            break;
                        }
                        case 3: {
                            obj.publisher = reader.string();
                            break;
                        }
                        case 4: {
                            obj.epoch = reader.uint64Number();
                            break;
                        }
                        case 5: {
                            obj.seq = reader.uint64Number();
                            break;
                        }
                        case 6: {
                            obj.kind = reader.uint32();
                            break;
                        }
                        case 7: {
                            obj.delay = reader.uint32();
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.topic`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 2: {
                            yield {
                                field: `${prefix}.group`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 3: {
                            yield {
                                field: `${prefix}.publisher`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 4: {
                            yield {
                                field: `${prefix}.epoch`,
                                value: reader.uint64Number()
                            };
                            break;
                        }
                        case 5: {
                            yield {
                                field: `${prefix}.seq`,
                                value: reader.uint64Number()
                            };
                            break;
                        }
                        case 6: {
                            yield {
                                field: `${prefix}.kind`,
                                value: reader.uint32()
                            };
                            break;
                        }
                        case 7: {
                            yield {
                                field: `${prefix}.delay`,
                                value: reader.uint32()
                            };
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, QueueAck.codec());
    }
    QueueAck.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, QueueAck.codec(), opts);
    }
    QueueAck.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, QueueAck.codec(), opts);
    }
    QueueAck.stream = stream;
})(QueueAck || (QueueAck = {}));
export var MessageRef;
(function (MessageRef) {
    let _codec;
    MessageRef.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.publisher != null && obj.publisher !== '')) {
                    w.uint32(10);
                    w.string(obj.publisher);
                }
                if ((obj.epoch != null && obj.epoch !== 0)) {
                    w.uint32(16);
                    w.uint64Number(obj.epoch);
                }
                if ((obj.seq != null && obj.seq !== 0)) {
                    w.uint32(24);
                    w.uint64Number(obj.seq);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    publisher: '',
                    epoch: 0,
                    seq: 0
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.publisher = reader.string();
                            break;
                        }
                        case 2: {
                            obj.epoch = reader.uint64Number();
                            break;
                        }
                        case 3: {
                            obj.seq = reader.uint64Number();
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.publisher`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 2: {
                            yield {
                                field: `${prefix}.epoch`,
                                value: reader.uint64Number()
                            };
                            break;
                        }
                        case 3: {
                            yield {
                                field: `${prefix}.seq`,
                                value: reader.uint64Number()
                            };
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, MessageRef.codec());
    }
    MessageRef.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, MessageRef.codec(), opts);
    }
    MessageRef.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, MessageRef.codec(), opts);
    }
    MessageRef.stream = stream;
})(MessageRef || (MessageRef = {}));
export var MailboxOpen;
(function (MailboxOpen) {
    let _codec;
    MailboxOpen.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.name != null && obj.name !== '')) {
                    w.uint32(10);
                    w.string(obj.name);
                }
                if ((obj.topic != null && obj.topic !== '')) {
                    w.uint32(18);
                    w.string(obj.topic);
                }
                if ((obj.subscriber != null && obj.subscriber !== '')) {
                    w.uint32(26);
                    w.string(obj.subscriber);
                }
                if ((obj.mode != null && obj.mode !== 0)) {
                    w.uint32(32);
                    w.uint32(obj.mode);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    name: '',
                    topic: '',
                    subscriber: '',
                    mode: 0
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.name = reader.string();
                            break;
                        }
                        case 2: {
                            obj.topic = reader.string();
                            break;
                        }
                        case 3: {
                            obj.subscriber = reader.string();
                            break;
                        }
                        case 4: {
                            obj.mode = reader.uint32();
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.name`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 2: {
                            yield {
                                field: `${prefix}.topic`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 3: {
                            yield {
                                field: `${prefix}.subscriber`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 4: {
                            yield {
                                field: `${prefix}.mode`,
                                value: reader.uint32()
                            };
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, MailboxOpen.codec());
    }
    MailboxOpen.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, MailboxOpen.codec(), opts);
    }
    MailboxOpen.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, MailboxOpen.codec(), opts);
    }
    MailboxOpen.stream = stream;
})(MailboxOpen || (MailboxOpen = {}));
export var MailboxState;
(function (MailboxState) {
    let _codec;
    MailboxState.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.name != null && obj.name !== '')) {
                    w.uint32(10);
                    w.string(obj.name);
                }
                if ((obj.topic != null && obj.topic !== '')) {
                    w.uint32(18);
                    w.string(obj.topic);
                }
                if ((obj.ready != null && obj.ready !== false)) {
                    w.uint32(24);
                    w.bool(obj.ready);
                }
                if ((obj.stored != null && obj.stored !== 0)) {
                    w.uint32(32);
                    w.uint64Number(obj.stored);
                }
                if ((obj.dropped != null && obj.dropped !== 0)) {
                    w.uint32(40);
                    w.uint64Number(obj.dropped);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    name: '',
                    topic: '',
                    ready: false,
                    stored: 0,
                    dropped: 0
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.name = reader.string();
                            break;
                        }
                        case 2: {
                            obj.topic = reader.string();
                            break;
                        }
                        case 3: {
                            obj.ready = reader.bool();
                            break;
                        }
                        case 4: {
                            obj.stored = reader.uint64Number();
                            break;
                        }
                        case 5: {
                            obj.dropped = reader.uint64Number();
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.name`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 2: {
                            yield {
                                field: `${prefix}.topic`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 3: {
                            yield {
                                field: `${prefix}.ready`,
                                value: reader.bool()
                            };
                            break;
                        }
                        case 4: {
                            yield {
                                field: `${prefix}.stored`,
                                value: reader.uint64Number()
                            };
                            break;
                        }
                        case 5: {
                            yield {
                                field: `${prefix}.dropped`,
                                value: reader.uint64Number()
                            };
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, MailboxState.codec());
    }
    MailboxState.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, MailboxState.codec(), opts);
    }
    MailboxState.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, MailboxState.codec(), opts);
    }
    MailboxState.stream = stream;
})(MailboxState || (MailboxState = {}));
export var MailboxDeliver;
(function (MailboxDeliver) {
    let _codec;
    MailboxDeliver.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.name != null && obj.name !== '')) {
                    w.uint32(10);
                    w.string(obj.name);
                }
                if (obj.message != null) {
                    w.uint32(18);
                    AppMessage.codec().encode(obj.message, w);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    name: ''
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.name = reader.string();
                            break;
                        }
                        case 2: {
                            obj.message = AppMessage.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.message
                            });
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.name`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 2: {
                            yield* AppMessage.codec().stream(reader, reader.uint32(), `${prefix}.message`, {
                                limits: opts.limits?.message
                            });
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, MailboxDeliver.codec());
    }
    MailboxDeliver.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, MailboxDeliver.codec(), opts);
    }
    MailboxDeliver.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, MailboxDeliver.codec(), opts);
    }
    MailboxDeliver.stream = stream;
})(MailboxDeliver || (MailboxDeliver = {}));
export var MailboxAck;
(function (MailboxAck) {
    let _codec;
    MailboxAck.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.name != null && obj.name !== '')) {
                    w.uint32(10);
                    w.string(obj.name);
                }
                if ((obj.topic != null && obj.topic !== '')) {
                    w.uint32(18);
                    w.string(obj.topic);
                }
                if (obj.ids != null && obj.ids.length > 0) {
                    for (const value of obj.ids) {
                        w.uint32(26);
                        MessageRef.codec().encode(value, w);
                    }
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    name: '',
                    topic: '',
                    ids: []
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.name = reader.string();
                            break;
                        }
                        case 2: {
                            obj.topic = reader.string();
                            break;
                        }
                        case 3: {
                            if (opts.limits?.ids != null && obj.ids.length === opts.limits.ids) {
                                throw new MaxLengthError('Decode error - repeated field "ids" had too many elements');
                            }
                            if (obj.ids.length === 1024) {
                                throw new MaxLengthError('Decode error - repeated field "ids" had too many elements');
                            }
                            obj.ids.push(MessageRef.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.ids$
                            }));
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const obj = {
                    ids: 1024
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.name`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 2: {
                            yield {
                                field: `${prefix}.topic`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 3: {
                            if (opts.limits?.ids != null && obj.ids === opts.limits.ids) {
                                throw new MaxLengthError('Streaming decode error - repeated field "ids" had too many elements');
                            }
                            if (obj.ids === 1024) {
                                throw new MaxLengthError('Streaming decode error - repeated field "ids" had too many elements');
                            }
                            for (const evt of MessageRef.codec().stream(reader, reader.uint32(), `${prefix}.ids[]`, {
                                limits: opts.limits?.ids$
                            })) {
                                yield {
                                    ...evt,
                                    index: obj.ids
                                };
                            }
                            obj.ids++;
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, MailboxAck.codec());
    }
    MailboxAck.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, MailboxAck.codec(), opts);
    }
    MailboxAck.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, MailboxAck.codec(), opts);
    }
    MailboxAck.stream = stream;
})(MailboxAck || (MailboxAck = {}));
export var MailboxSync;
(function (MailboxSync) {
    let _codec;
    MailboxSync.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.name != null && obj.name !== '')) {
                    w.uint32(10);
                    w.string(obj.name);
                }
                if ((obj.topic != null && obj.topic !== '')) {
                    w.uint32(18);
                    w.string(obj.topic);
                }
                if (obj.acked != null && obj.acked.length > 0) {
                    for (const value of obj.acked) {
                        w.uint32(26);
                        MessageRef.codec().encode(value, w);
                    }
                }
                if (obj.messages != null && obj.messages.length > 0) {
                    for (const value of obj.messages) {
                        w.uint32(34);
                        AppMessage.codec().encode(value, w);
                    }
                }
                if ((obj.request != null && obj.request !== false)) {
                    w.uint32(40);
                    w.bool(obj.request);
                }
                if ((obj.hold != null && obj.hold !== false)) {
                    w.uint32(48);
                    w.bool(obj.hold);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    name: '',
                    topic: '',
                    acked: [],
                    messages: [],
                    request: false,
                    hold: false
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.name = reader.string();
                            break;
                        }
                        case 2: {
                            obj.topic = reader.string();
                            break;
                        }
                        case 3: {
                            if (opts.limits?.acked != null && obj.acked.length === opts.limits.acked) {
                                throw new MaxLengthError('Decode error - repeated field "acked" had too many elements');
                            }
                            if (obj.acked.length === 1024) {
                                throw new MaxLengthError('Decode error - repeated field "acked" had too many elements');
                            }
                            obj.acked.push(MessageRef.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.acked$
                            }));
                            break;
                        }
                        case 4: {
                            if (opts.limits?.messages != null && obj.messages.length === opts.limits.messages) {
                                throw new MaxLengthError('Decode error - repeated field "messages" had too many elements');
                            }
                            if (obj.messages.length === 1024) {
                                throw new MaxLengthError('Decode error - repeated field "messages" had too many elements');
                            }
                            obj.messages.push(AppMessage.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.messages$
                            }));
                            break;
                        }
                        case 5: {
                            obj.request = reader.bool();
                            break;
                        }
                        case 6: {
                            obj.hold = reader.bool();
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const obj = {
                    acked: 1024,
                    messages: 1024
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.name`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 2: {
                            yield {
                                field: `${prefix}.topic`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 3: {
                            if (opts.limits?.acked != null && obj.acked === opts.limits.acked) {
                                throw new MaxLengthError('Streaming decode error - repeated field "acked" had too many elements');
                            }
                            if (obj.acked === 1024) {
                                throw new MaxLengthError('Streaming decode error - repeated field "acked" had too many elements');
                            }
                            for (const evt of MessageRef.codec().stream(reader, reader.uint32(), `${prefix}.acked[]`, {
                                limits: opts.limits?.acked$
                            })) {
                                yield {
                                    ...evt,
                                    index: obj.acked
                                };
                            }
                            obj.acked++;
                            break;
                        }
                        case 4: {
                            if (opts.limits?.messages != null && obj.messages === opts.limits.messages) {
                                throw new MaxLengthError('Streaming decode error - repeated field "messages" had too many elements');
                            }
                            if (obj.messages === 1024) {
                                throw new MaxLengthError('Streaming decode error - repeated field "messages" had too many elements');
                            }
                            for (const evt of AppMessage.codec().stream(reader, reader.uint32(), `${prefix}.messages[]`, {
                                limits: opts.limits?.messages$
                            })) {
                                yield {
                                    ...evt,
                                    index: obj.messages
                                };
                            }
                            obj.messages++;
                            break;
                        }
                        case 5: {
                            yield {
                                field: `${prefix}.request`,
                                value: reader.bool()
                            };
                            break;
                        }
                        case 6: {
                            yield {
                                field: `${prefix}.hold`,
                                value: reader.bool()
                            };
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, MailboxSync.codec());
    }
    MailboxSync.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, MailboxSync.codec(), opts);
    }
    MailboxSync.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, MailboxSync.codec(), opts);
    }
    MailboxSync.stream = stream;
})(MailboxSync || (MailboxSync = {}));
export var Envelope;
(function (Envelope) {
    let _codec;
    Envelope.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                obj = { ...obj };
                if (obj.grants != null) {
                    obj.mailboxSync = undefined;
                    obj.mailboxAck = undefined;
                    obj.mailboxDeliver = undefined;
                    obj.mailboxState = undefined;
                    obj.mailboxOpen = undefined;
                    obj.queueAck = undefined;
                    obj.queueDeliver = undefined;
                    obj.queueJoin = undefined;
                    obj.reply = undefined;
                    obj.since = undefined;
                    obj.publishAck = undefined;
                    obj.stash = undefined;
                    obj.replay = undefined;
                    obj.nack = undefined;
                    obj.routeAck = undefined;
                    obj.rootInfo = undefined;
                    obj.redirect = undefined;
                    obj.replica = undefined;
                    obj.heartbeat = undefined;
                    obj.data = undefined;
                    obj.publish = undefined;
                    obj.leave = undefined;
                    obj.joinAck = undefined;
                    obj.join = undefined;
                }
                if (obj.mailboxSync != null) {
                    obj.grants = undefined;
                    obj.mailboxAck = undefined;
                    obj.mailboxDeliver = undefined;
                    obj.mailboxState = undefined;
                    obj.mailboxOpen = undefined;
                    obj.queueAck = undefined;
                    obj.queueDeliver = undefined;
                    obj.queueJoin = undefined;
                    obj.reply = undefined;
                    obj.since = undefined;
                    obj.publishAck = undefined;
                    obj.stash = undefined;
                    obj.replay = undefined;
                    obj.nack = undefined;
                    obj.routeAck = undefined;
                    obj.rootInfo = undefined;
                    obj.redirect = undefined;
                    obj.replica = undefined;
                    obj.heartbeat = undefined;
                    obj.data = undefined;
                    obj.publish = undefined;
                    obj.leave = undefined;
                    obj.joinAck = undefined;
                    obj.join = undefined;
                }
                if (obj.mailboxAck != null) {
                    obj.grants = undefined;
                    obj.mailboxSync = undefined;
                    obj.mailboxDeliver = undefined;
                    obj.mailboxState = undefined;
                    obj.mailboxOpen = undefined;
                    obj.queueAck = undefined;
                    obj.queueDeliver = undefined;
                    obj.queueJoin = undefined;
                    obj.reply = undefined;
                    obj.since = undefined;
                    obj.publishAck = undefined;
                    obj.stash = undefined;
                    obj.replay = undefined;
                    obj.nack = undefined;
                    obj.routeAck = undefined;
                    obj.rootInfo = undefined;
                    obj.redirect = undefined;
                    obj.replica = undefined;
                    obj.heartbeat = undefined;
                    obj.data = undefined;
                    obj.publish = undefined;
                    obj.leave = undefined;
                    obj.joinAck = undefined;
                    obj.join = undefined;
                }
                if (obj.mailboxDeliver != null) {
                    obj.grants = undefined;
                    obj.mailboxSync = undefined;
                    obj.mailboxAck = undefined;
                    obj.mailboxState = undefined;
                    obj.mailboxOpen = undefined;
                    obj.queueAck = undefined;
                    obj.queueDeliver = undefined;
                    obj.queueJoin = undefined;
                    obj.reply = undefined;
                    obj.since = undefined;
                    obj.publishAck = undefined;
                    obj.stash = undefined;
                    obj.replay = undefined;
                    obj.nack = undefined;
                    obj.routeAck = undefined;
                    obj.rootInfo = undefined;
                    obj.redirect = undefined;
                    obj.replica = undefined;
                    obj.heartbeat = undefined;
                    obj.data = undefined;
                    obj.publish = undefined;
                    obj.leave = undefined;
                    obj.joinAck = undefined;
                    obj.join = undefined;
                }
                if (obj.mailboxState != null) {
                    obj.grants = undefined;
                    obj.mailboxSync = undefined;
                    obj.mailboxAck = undefined;
                    obj.mailboxDeliver = undefined;
                    obj.mailboxOpen = undefined;
                    obj.queueAck = undefined;
                    obj.queueDeliver = undefined;
                    obj.queueJoin = undefined;
                    obj.reply = undefined;
                    obj.since = undefined;
                    obj.publishAck = undefined;
                    obj.stash = undefined;
                    obj.replay = undefined;
                    obj.nack = undefined;
                    obj.routeAck = undefined;
                    obj.rootInfo = undefined;
                    obj.redirect = undefined;
                    obj.replica = undefined;
                    obj.heartbeat = undefined;
                    obj.data = undefined;
                    obj.publish = undefined;
                    obj.leave = undefined;
                    obj.joinAck = undefined;
                    obj.join = undefined;
                }
                if (obj.mailboxOpen != null) {
                    obj.grants = undefined;
                    obj.mailboxSync = undefined;
                    obj.mailboxAck = undefined;
                    obj.mailboxDeliver = undefined;
                    obj.mailboxState = undefined;
                    obj.queueAck = undefined;
                    obj.queueDeliver = undefined;
                    obj.queueJoin = undefined;
                    obj.reply = undefined;
                    obj.since = undefined;
                    obj.publishAck = undefined;
                    obj.stash = undefined;
                    obj.replay = undefined;
                    obj.nack = undefined;
                    obj.routeAck = undefined;
                    obj.rootInfo = undefined;
                    obj.redirect = undefined;
                    obj.replica = undefined;
                    obj.heartbeat = undefined;
                    obj.data = undefined;
                    obj.publish = undefined;
                    obj.leave = undefined;
                    obj.joinAck = undefined;
                    obj.join = undefined;
                }
                if (obj.queueAck != null) {
                    obj.grants = undefined;
                    obj.mailboxSync = undefined;
                    obj.mailboxAck = undefined;
                    obj.mailboxDeliver = undefined;
                    obj.mailboxState = undefined;
                    obj.mailboxOpen = undefined;
                    obj.queueDeliver = undefined;
                    obj.queueJoin = undefined;
                    obj.reply = undefined;
                    obj.since = undefined;
                    obj.publishAck = undefined;
                    obj.stash = undefined;
                    obj.replay = undefined;
                    obj.nack = undefined;
                    obj.routeAck = undefined;
                    obj.rootInfo = undefined;
                    obj.redirect = undefined;
                    obj.replica = undefined;
                    obj.heartbeat = undefined;
                    obj.data = undefined;
                    obj.publish = undefined;
                    obj.leave = undefined;
                    obj.joinAck = undefined;
                    obj.join = undefined;
                }
                if (obj.queueDeliver != null) {
                    obj.grants = undefined;
                    obj.mailboxSync = undefined;
                    obj.mailboxAck = undefined;
                    obj.mailboxDeliver = undefined;
                    obj.mailboxState = undefined;
                    obj.mailboxOpen = undefined;
                    obj.queueAck = undefined;
                    obj.queueJoin = undefined;
                    obj.reply = undefined;
                    obj.since = undefined;
                    obj.publishAck = undefined;
                    obj.stash = undefined;
                    obj.replay = undefined;
                    obj.nack = undefined;
                    obj.routeAck = undefined;
                    obj.rootInfo = undefined;
                    obj.redirect = undefined;
                    obj.replica = undefined;
                    obj.heartbeat = undefined;
                    obj.data = undefined;
                    obj.publish = undefined;
                    obj.leave = undefined;
                    obj.joinAck = undefined;
                    obj.join = undefined;
                }
                if (obj.queueJoin != null) {
                    obj.grants = undefined;
                    obj.mailboxSync = undefined;
                    obj.mailboxAck = undefined;
                    obj.mailboxDeliver = undefined;
                    obj.mailboxState = undefined;
                    obj.mailboxOpen = undefined;
                    obj.queueAck = undefined;
                    obj.queueDeliver = undefined;
                    obj.reply = undefined;
                    obj.since = undefined;
                    obj.publishAck = undefined;
                    obj.stash = undefined;
                    obj.replay = undefined;
                    obj.nack = undefined;
                    obj.routeAck = undefined;
                    obj.rootInfo = undefined;
                    obj.redirect = undefined;
                    obj.replica = undefined;
                    obj.heartbeat = undefined;
                    obj.data = undefined;
                    obj.publish = undefined;
                    obj.leave = undefined;
                    obj.joinAck = undefined;
                    obj.join = undefined;
                }
                if (obj.reply != null) {
                    obj.grants = undefined;
                    obj.mailboxSync = undefined;
                    obj.mailboxAck = undefined;
                    obj.mailboxDeliver = undefined;
                    obj.mailboxState = undefined;
                    obj.mailboxOpen = undefined;
                    obj.queueAck = undefined;
                    obj.queueDeliver = undefined;
                    obj.queueJoin = undefined;
                    obj.since = undefined;
                    obj.publishAck = undefined;
                    obj.stash = undefined;
                    obj.replay = undefined;
                    obj.nack = undefined;
                    obj.routeAck = undefined;
                    obj.rootInfo = undefined;
                    obj.redirect = undefined;
                    obj.replica = undefined;
                    obj.heartbeat = undefined;
                    obj.data = undefined;
                    obj.publish = undefined;
                    obj.leave = undefined;
                    obj.joinAck = undefined;
                    obj.join = undefined;
                }
                if (obj.since != null) {
                    obj.grants = undefined;
                    obj.mailboxSync = undefined;
                    obj.mailboxAck = undefined;
                    obj.mailboxDeliver = undefined;
                    obj.mailboxState = undefined;
                    obj.mailboxOpen = undefined;
                    obj.queueAck = undefined;
                    obj.queueDeliver = undefined;
                    obj.queueJoin = undefined;
                    obj.reply = undefined;
                    obj.publishAck = undefined;
                    obj.stash = undefined;
                    obj.replay = undefined;
                    obj.nack = undefined;
                    obj.routeAck = undefined;
                    obj.rootInfo = undefined;
                    obj.redirect = undefined;
                    obj.replica = undefined;
                    obj.heartbeat = undefined;
                    obj.data = undefined;
                    obj.publish = undefined;
                    obj.leave = undefined;
                    obj.joinAck = undefined;
                    obj.join = undefined;
                }
                if (obj.publishAck != null) {
                    obj.grants = undefined;
                    obj.mailboxSync = undefined;
                    obj.mailboxAck = undefined;
                    obj.mailboxDeliver = undefined;
                    obj.mailboxState = undefined;
                    obj.mailboxOpen = undefined;
                    obj.queueAck = undefined;
                    obj.queueDeliver = undefined;
                    obj.queueJoin = undefined;
                    obj.reply = undefined;
                    obj.since = undefined;
                    obj.stash = undefined;
                    obj.replay = undefined;
                    obj.nack = undefined;
                    obj.routeAck = undefined;
                    obj.rootInfo = undefined;
                    obj.redirect = undefined;
                    obj.replica = undefined;
                    obj.heartbeat = undefined;
                    obj.data = undefined;
                    obj.publish = undefined;
                    obj.leave = undefined;
                    obj.joinAck = undefined;
                    obj.join = undefined;
                }
                if (obj.stash != null) {
                    obj.grants = undefined;
                    obj.mailboxSync = undefined;
                    obj.mailboxAck = undefined;
                    obj.mailboxDeliver = undefined;
                    obj.mailboxState = undefined;
                    obj.mailboxOpen = undefined;
                    obj.queueAck = undefined;
                    obj.queueDeliver = undefined;
                    obj.queueJoin = undefined;
                    obj.reply = undefined;
                    obj.since = undefined;
                    obj.publishAck = undefined;
                    obj.replay = undefined;
                    obj.nack = undefined;
                    obj.routeAck = undefined;
                    obj.rootInfo = undefined;
                    obj.redirect = undefined;
                    obj.replica = undefined;
                    obj.heartbeat = undefined;
                    obj.data = undefined;
                    obj.publish = undefined;
                    obj.leave = undefined;
                    obj.joinAck = undefined;
                    obj.join = undefined;
                }
                if (obj.replay != null) {
                    obj.grants = undefined;
                    obj.mailboxSync = undefined;
                    obj.mailboxAck = undefined;
                    obj.mailboxDeliver = undefined;
                    obj.mailboxState = undefined;
                    obj.mailboxOpen = undefined;
                    obj.queueAck = undefined;
                    obj.queueDeliver = undefined;
                    obj.queueJoin = undefined;
                    obj.reply = undefined;
                    obj.since = undefined;
                    obj.publishAck = undefined;
                    obj.stash = undefined;
                    obj.nack = undefined;
                    obj.routeAck = undefined;
                    obj.rootInfo = undefined;
                    obj.redirect = undefined;
                    obj.replica = undefined;
                    obj.heartbeat = undefined;
                    obj.data = undefined;
                    obj.publish = undefined;
                    obj.leave = undefined;
                    obj.joinAck = undefined;
                    obj.join = undefined;
                }
                if (obj.nack != null) {
                    obj.grants = undefined;
                    obj.mailboxSync = undefined;
                    obj.mailboxAck = undefined;
                    obj.mailboxDeliver = undefined;
                    obj.mailboxState = undefined;
                    obj.mailboxOpen = undefined;
                    obj.queueAck = undefined;
                    obj.queueDeliver = undefined;
                    obj.queueJoin = undefined;
                    obj.reply = undefined;
                    obj.since = undefined;
                    obj.publishAck = undefined;
                    obj.stash = undefined;
                    obj.replay = undefined;
                    obj.routeAck = undefined;
                    obj.rootInfo = undefined;
                    obj.redirect = undefined;
                    obj.replica = undefined;
                    obj.heartbeat = undefined;
                    obj.data = undefined;
                    obj.publish = undefined;
                    obj.leave = undefined;
                    obj.joinAck = undefined;
                    obj.join = undefined;
                }
                if (obj.routeAck != null) {
                    obj.grants = undefined;
                    obj.mailboxSync = undefined;
                    obj.mailboxAck = undefined;
                    obj.mailboxDeliver = undefined;
                    obj.mailboxState = undefined;
                    obj.mailboxOpen = undefined;
                    obj.queueAck = undefined;
                    obj.queueDeliver = undefined;
                    obj.queueJoin = undefined;
                    obj.reply = undefined;
                    obj.since = undefined;
                    obj.publishAck = undefined;
                    obj.stash = undefined;
                    obj.replay = undefined;
                    obj.nack = undefined;
                    obj.rootInfo = undefined;
                    obj.redirect = undefined;
                    obj.replica = undefined;
                    obj.heartbeat = undefined;
                    obj.data = undefined;
                    obj.publish = undefined;
                    obj.leave = undefined;
                    obj.joinAck = undefined;
                    obj.join = undefined;
                }
                if (obj.rootInfo != null) {
                    obj.grants = undefined;
                    obj.mailboxSync = undefined;
                    obj.mailboxAck = undefined;
                    obj.mailboxDeliver = undefined;
                    obj.mailboxState = undefined;
                    obj.mailboxOpen = undefined;
                    obj.queueAck = undefined;
                    obj.queueDeliver = undefined;
                    obj.queueJoin = undefined;
                    obj.reply = undefined;
                    obj.since = undefined;
                    obj.publishAck = undefined;
                    obj.stash = undefined;
                    obj.replay = undefined;
                    obj.nack = undefined;
                    obj.routeAck = undefined;
                    obj.redirect = undefined;
                    obj.replica = undefined;
                    obj.heartbeat = undefined;
                    obj.data = undefined;
                    obj.publish = undefined;
                    obj.leave = undefined;
                    obj.joinAck = undefined;
                    obj.join = undefined;
                }
                if (obj.redirect != null) {
                    obj.grants = undefined;
                    obj.mailboxSync = undefined;
                    obj.mailboxAck = undefined;
                    obj.mailboxDeliver = undefined;
                    obj.mailboxState = undefined;
                    obj.mailboxOpen = undefined;
                    obj.queueAck = undefined;
                    obj.queueDeliver = undefined;
                    obj.queueJoin = undefined;
                    obj.reply = undefined;
                    obj.since = undefined;
                    obj.publishAck = undefined;
                    obj.stash = undefined;
                    obj.replay = undefined;
                    obj.nack = undefined;
                    obj.routeAck = undefined;
                    obj.rootInfo = undefined;
                    obj.replica = undefined;
                    obj.heartbeat = undefined;
                    obj.data = undefined;
                    obj.publish = undefined;
                    obj.leave = undefined;
                    obj.joinAck = undefined;
                    obj.join = undefined;
                }
                if (obj.replica != null) {
                    obj.grants = undefined;
                    obj.mailboxSync = undefined;
                    obj.mailboxAck = undefined;
                    obj.mailboxDeliver = undefined;
                    obj.mailboxState = undefined;
                    obj.mailboxOpen = undefined;
                    obj.queueAck = undefined;
                    obj.queueDeliver = undefined;
                    obj.queueJoin = undefined;
                    obj.reply = undefined;
                    obj.since = undefined;
                    obj.publishAck = undefined;
                    obj.stash = undefined;
                    obj.replay = undefined;
                    obj.nack = undefined;
                    obj.routeAck = undefined;
                    obj.rootInfo = undefined;
                    obj.redirect = undefined;
                    obj.heartbeat = undefined;
                    obj.data = undefined;
                    obj.publish = undefined;
                    obj.leave = undefined;
                    obj.joinAck = undefined;
                    obj.join = undefined;
                }
                if (obj.heartbeat != null) {
                    obj.grants = undefined;
                    obj.mailboxSync = undefined;
                    obj.mailboxAck = undefined;
                    obj.mailboxDeliver = undefined;
                    obj.mailboxState = undefined;
                    obj.mailboxOpen = undefined;
                    obj.queueAck = undefined;
                    obj.queueDeliver = undefined;
                    obj.queueJoin = undefined;
                    obj.reply = undefined;
                    obj.since = undefined;
                    obj.publishAck = undefined;
                    obj.stash = undefined;
                    obj.replay = undefined;
                    obj.nack = undefined;
                    obj.routeAck = undefined;
                    obj.rootInfo = undefined;
                    obj.redirect = undefined;
                    obj.replica = undefined;
                    obj.data = undefined;
                    obj.publish = undefined;
                    obj.leave = undefined;
                    obj.joinAck = undefined;
                    obj.join = undefined;
                }
                if (obj.data != null) {
                    obj.grants = undefined;
                    obj.mailboxSync = undefined;
                    obj.mailboxAck = undefined;
                    obj.mailboxDeliver = undefined;
                    obj.mailboxState = undefined;
                    obj.mailboxOpen = undefined;
                    obj.queueAck = undefined;
                    obj.queueDeliver = undefined;
                    obj.queueJoin = undefined;
                    obj.reply = undefined;
                    obj.since = undefined;
                    obj.publishAck = undefined;
                    obj.stash = undefined;
                    obj.replay = undefined;
                    obj.nack = undefined;
                    obj.routeAck = undefined;
                    obj.rootInfo = undefined;
                    obj.redirect = undefined;
                    obj.replica = undefined;
                    obj.heartbeat = undefined;
                    obj.publish = undefined;
                    obj.leave = undefined;
                    obj.joinAck = undefined;
                    obj.join = undefined;
                }
                if (obj.publish != null) {
                    obj.grants = undefined;
                    obj.mailboxSync = undefined;
                    obj.mailboxAck = undefined;
                    obj.mailboxDeliver = undefined;
                    obj.mailboxState = undefined;
                    obj.mailboxOpen = undefined;
                    obj.queueAck = undefined;
                    obj.queueDeliver = undefined;
                    obj.queueJoin = undefined;
                    obj.reply = undefined;
                    obj.since = undefined;
                    obj.publishAck = undefined;
                    obj.stash = undefined;
                    obj.replay = undefined;
                    obj.nack = undefined;
                    obj.routeAck = undefined;
                    obj.rootInfo = undefined;
                    obj.redirect = undefined;
                    obj.replica = undefined;
                    obj.heartbeat = undefined;
                    obj.data = undefined;
                    obj.leave = undefined;
                    obj.joinAck = undefined;
                    obj.join = undefined;
                }
                if (obj.leave != null) {
                    obj.grants = undefined;
                    obj.mailboxSync = undefined;
                    obj.mailboxAck = undefined;
                    obj.mailboxDeliver = undefined;
                    obj.mailboxState = undefined;
                    obj.mailboxOpen = undefined;
                    obj.queueAck = undefined;
                    obj.queueDeliver = undefined;
                    obj.queueJoin = undefined;
                    obj.reply = undefined;
                    obj.since = undefined;
                    obj.publishAck = undefined;
                    obj.stash = undefined;
                    obj.replay = undefined;
                    obj.nack = undefined;
                    obj.routeAck = undefined;
                    obj.rootInfo = undefined;
                    obj.redirect = undefined;
                    obj.replica = undefined;
                    obj.heartbeat = undefined;
                    obj.data = undefined;
                    obj.publish = undefined;
                    obj.joinAck = undefined;
                    obj.join = undefined;
                }
                if (obj.joinAck != null) {
                    obj.grants = undefined;
                    obj.mailboxSync = undefined;
                    obj.mailboxAck = undefined;
                    obj.mailboxDeliver = undefined;
                    obj.mailboxState = undefined;
                    obj.mailboxOpen = undefined;
                    obj.queueAck = undefined;
                    obj.queueDeliver = undefined;
                    obj.queueJoin = undefined;
                    obj.reply = undefined;
                    obj.since = undefined;
                    obj.publishAck = undefined;
                    obj.stash = undefined;
                    obj.replay = undefined;
                    obj.nack = undefined;
                    obj.routeAck = undefined;
                    obj.rootInfo = undefined;
                    obj.redirect = undefined;
                    obj.replica = undefined;
                    obj.heartbeat = undefined;
                    obj.data = undefined;
                    obj.publish = undefined;
                    obj.leave = undefined;
                    obj.join = undefined;
                }
                if (obj.join != null) {
                    obj.grants = undefined;
                    obj.mailboxSync = undefined;
                    obj.mailboxAck = undefined;
                    obj.mailboxDeliver = undefined;
                    obj.mailboxState = undefined;
                    obj.mailboxOpen = undefined;
                    obj.queueAck = undefined;
                    obj.queueDeliver = undefined;
                    obj.queueJoin = undefined;
                    obj.reply = undefined;
                    obj.since = undefined;
                    obj.publishAck = undefined;
                    obj.stash = undefined;
                    obj.replay = undefined;
                    obj.nack = undefined;
                    obj.routeAck = undefined;
                    obj.rootInfo = undefined;
                    obj.redirect = undefined;
                    obj.replica = undefined;
                    obj.heartbeat = undefined;
                    obj.data = undefined;
                    obj.publish = undefined;
                    obj.leave = undefined;
                    obj.joinAck = undefined;
                }
                if (obj.join != null) {
                    w.uint32(10);
                    Join.codec().encode(obj.join, w);
                }
                if (obj.joinAck != null) {
                    w.uint32(18);
                    JoinAck.codec().encode(obj.joinAck, w);
                }
                if (obj.leave != null) {
                    w.uint32(26);
                    Leave.codec().encode(obj.leave, w);
                }
                if (obj.publish != null) {
                    w.uint32(34);
                    Publish.codec().encode(obj.publish, w);
                }
                if (obj.data != null) {
                    w.uint32(42);
                    AppMessage.codec().encode(obj.data, w);
                }
                if (obj.heartbeat != null) {
                    w.uint32(50);
                    Heartbeat.codec().encode(obj.heartbeat, w);
                }
                if (obj.replica != null) {
                    w.uint32(58);
                    Replica.codec().encode(obj.replica, w);
                }
                if (obj.redirect != null) {
                    w.uint32(66);
                    Redirect.codec().encode(obj.redirect, w);
                }
                if (obj.rootInfo != null) {
                    w.uint32(74);
                    RootInfo.codec().encode(obj.rootInfo, w);
                }
                if (obj.routeAck != null) {
                    w.uint32(82);
                    RouteAck.codec().encode(obj.routeAck, w);
                }
                if (obj.nack != null) {
                    w.uint32(90);
                    Nack.codec().encode(obj.nack, w);
                }
                if (obj.replay != null) {
                    w.uint32(98);
                    Replay.codec().encode(obj.replay, w);
                }
                if (obj.stash != null) {
                    w.uint32(106);
                    Stash.codec().encode(obj.stash, w);
                }
                if (obj.publishAck != null) {
                    w.uint32(114);
                    PublishAck.codec().encode(obj.publishAck, w);
                }
                if (obj.since != null) {
                    w.uint32(122);
                    Since.codec().encode(obj.since, w);
                }
                if (obj.reply != null) {
                    w.uint32(130);
                    Reply.codec().encode(obj.reply, w);
                }
                if (obj.queueJoin != null) {
                    w.uint32(138);
                    QueueJoin.codec().encode(obj.queueJoin, w);
                }
                if (obj.queueDeliver != null) {
                    w.uint32(146);
                    QueueDeliver.codec().encode(obj.queueDeliver, w);
                }
                if (obj.queueAck != null) {
                    w.uint32(154);
                    QueueAck.codec().encode(obj.queueAck, w);
                }
                if (obj.mailboxOpen != null) {
                    w.uint32(162);
                    MailboxOpen.codec().encode(obj.mailboxOpen, w);
                }
                if (obj.mailboxState != null) {
                    w.uint32(170);
                    MailboxState.codec().encode(obj.mailboxState, w);
                }
                if (obj.mailboxDeliver != null) {
                    w.uint32(178);
                    MailboxDeliver.codec().encode(obj.mailboxDeliver, w);
                }
                if (obj.mailboxAck != null) {
                    w.uint32(186);
                    MailboxAck.codec().encode(obj.mailboxAck, w);
                }
                if (obj.mailboxSync != null) {
                    w.uint32(194);
                    MailboxSync.codec().encode(obj.mailboxSync, w);
                }
                if (obj.grants != null) {
                    w.uint32(202);
                    Grants.codec().encode(obj.grants, w);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {};
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.join = Join.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.join
                            });
                            break;
                        }
                        case 2: {
                            obj.joinAck = JoinAck.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.joinAck
                            });
                            break;
                        }
                        case 3: {
                            obj.leave = Leave.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.leave
                            });
                            break;
                        }
                        case 4: {
                            obj.publish = Publish.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.publish
                            });
                            break;
                        }
                        case 5: {
                            obj.data = AppMessage.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.data
                            });
                            break;
                        }
                        case 6: {
                            obj.heartbeat = Heartbeat.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.heartbeat
                            });
                            break;
                        }
                        case 7: {
                            obj.replica = Replica.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.replica
                            });
                            break;
                        }
                        case 8: {
                            obj.redirect = Redirect.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.redirect
                            });
                            break;
                        }
                        case 9: {
                            obj.rootInfo = RootInfo.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.rootInfo
                            });
                            break;
                        }
                        case 10: {
                            obj.routeAck = RouteAck.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.routeAck
                            });
                            break;
                        }
                        case 11: {
                            obj.nack = Nack.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.nack
                            });
                            break;
                        }
                        case 12: {
                            obj.replay = Replay.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.replay
                            });
                            break;
                        }
                        case 13: {
                            obj.stash = Stash.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.stash
                            });
                            break;
                        }
                        case 14: {
                            obj.publishAck = PublishAck.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.publishAck
                            });
                            break;
                        }
                        case 15: {
                            obj.since = Since.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.since
                            });
                            break;
                        }
                        case 16: {
                            obj.reply = Reply.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.reply
                            });
                            break;
                        }
                        case 17: {
                            obj.queueJoin = QueueJoin.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.queueJoin
                            });
                            break;
                        }
                        case 18: {
                            obj.queueDeliver = QueueDeliver.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.queueDeliver
                            });
                            break;
                        }
                        case 19: {
                            obj.queueAck = QueueAck.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.queueAck
                            });
                            break;
                        }
                        case 20: {
                            obj.mailboxOpen = MailboxOpen.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.mailboxOpen
                            });
                            break;
                        }
                        case 21: {
                            obj.mailboxState = MailboxState.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.mailboxState
                            });
                            break;
                        }
                        case 22: {
                            obj.mailboxDeliver = MailboxDeliver.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.mailboxDeliver
                            });
                            break;
                        }
                        case 23: {
                            obj.mailboxAck = MailboxAck.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.mailboxAck
                            });
                            break;
                        }
                        case 24: {
                            obj.mailboxSync = MailboxSync.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.mailboxSync
                            });
                            break;
                        }
                        case 25: {
                            obj.grants = Grants.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.grants
                            });
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                if (obj.grants != null) {
                    delete obj.mailboxSync;
                    delete obj.mailboxAck;
                    delete obj.mailboxDeliver;
                    delete obj.mailboxState;
                    delete obj.mailboxOpen;
                    delete obj.queueAck;
                    delete obj.queueDeliver;
                    delete obj.queueJoin;
                    delete obj.reply;
                    delete obj.since;
                    delete obj.publishAck;
                    delete obj.stash;
                    delete obj.replay;
                    delete obj.nack;
                    delete obj.routeAck;
                    delete obj.rootInfo;
                    delete obj.redirect;
                    delete obj.replica;
                    delete obj.heartbeat;
                    delete obj.data;
                    delete obj.publish;
                    delete obj.leave;
                    delete obj.joinAck;
                    delete obj.join;
                }
                if (obj.mailboxSync != null) {
                    delete obj.grants;
                    delete obj.mailboxAck;
                    delete obj.mailboxDeliver;
                    delete obj.mailboxState;
                    delete obj.mailboxOpen;
                    delete obj.queueAck;
                    delete obj.queueDeliver;
                    delete obj.queueJoin;
                    delete obj.reply;
                    delete obj.since;
                    delete obj.publishAck;
                    delete obj.stash;
                    delete obj.replay;
                    delete obj.nack;
                    delete obj.routeAck;
                    delete obj.rootInfo;
                    delete obj.redirect;
                    delete obj.replica;
                    delete obj.heartbeat;
                    delete obj.data;
                    delete obj.publish;
                    delete obj.leave;
                    delete obj.joinAck;
                    delete obj.join;
                }
                if (obj.mailboxAck != null) {
                    delete obj.grants;
                    delete obj.mailboxSync;
                    delete obj.mailboxDeliver;
                    delete obj.mailboxState;
                    delete obj.mailboxOpen;
                    delete obj.queueAck;
                    delete obj.queueDeliver;
                    delete obj.queueJoin;
                    delete obj.reply;
                    delete obj.since;
                    delete obj.publishAck;
                    delete obj.stash;
                    delete obj.replay;
                    delete obj.nack;
                    delete obj.routeAck;
                    delete obj.rootInfo;
                    delete obj.redirect;
                    delete obj.replica;
                    delete obj.heartbeat;
                    delete obj.data;
                    delete obj.publish;
                    delete obj.leave;
                    delete obj.joinAck;
                    delete obj.join;
                }
                if (obj.mailboxDeliver != null) {
                    delete obj.grants;
                    delete obj.mailboxSync;
                    delete obj.mailboxAck;
                    delete obj.mailboxState;
                    delete obj.mailboxOpen;
                    delete obj.queueAck;
                    delete obj.queueDeliver;
                    delete obj.queueJoin;
                    delete obj.reply;
                    delete obj.since;
                    delete obj.publishAck;
                    delete obj.stash;
                    delete obj.replay;
                    delete obj.nack;
                    delete obj.routeAck;
                    delete obj.rootInfo;
                    delete obj.redirect;
                    delete obj.replica;
                    delete obj.heartbeat;
                    delete obj.data;
                    delete obj.publish;
                    delete obj.leave;
                    delete obj.joinAck;
                    delete obj.join;
                }
                if (obj.mailboxState != null) {
                    delete obj.grants;
                    delete obj.mailboxSync;
                    delete obj.mailboxAck;
                    delete obj.mailboxDeliver;
                    delete obj.mailboxOpen;
                    delete obj.queueAck;
                    delete obj.queueDeliver;
                    delete obj.queueJoin;
                    delete obj.reply;
                    delete obj.since;
                    delete obj.publishAck;
                    delete obj.stash;
                    delete obj.replay;
                    delete obj.nack;
                    delete obj.routeAck;
                    delete obj.rootInfo;
                    delete obj.redirect;
                    delete obj.replica;
                    delete obj.heartbeat;
                    delete obj.data;
                    delete obj.publish;
                    delete obj.leave;
                    delete obj.joinAck;
                    delete obj.join;
                }
                if (obj.mailboxOpen != null) {
                    delete obj.grants;
                    delete obj.mailboxSync;
                    delete obj.mailboxAck;
                    delete obj.mailboxDeliver;
                    delete obj.mailboxState;
                    delete obj.queueAck;
                    delete obj.queueDeliver;
                    delete obj.queueJoin;
                    delete obj.reply;
                    delete obj.since;
                    delete obj.publishAck;
                    delete obj.stash;
                    delete obj.replay;
                    delete obj.nack;
                    delete obj.routeAck;
                    delete obj.rootInfo;
                    delete obj.redirect;
                    delete obj.replica;
                    delete obj.heartbeat;
                    delete obj.data;
                    delete obj.publish;
                    delete obj.leave;
                    delete obj.joinAck;
                    delete obj.join;
                }
                if (obj.queueAck != null) {
                    delete obj.grants;
                    delete obj.mailboxSync;
                    delete obj.mailboxAck;
                    delete obj.mailboxDeliver;
                    delete obj.mailboxState;
                    delete obj.mailboxOpen;
                    delete obj.queueDeliver;
                    delete obj.queueJoin;
                    delete obj.reply;
                    delete obj.since;
                    delete obj.publishAck;
                    delete obj.stash;
                    delete obj.replay;
                    delete obj.nack;
                    delete obj.routeAck;
                    delete obj.rootInfo;
                    delete obj.redirect;
                    delete obj.replica;
                    delete obj.heartbeat;
                    delete obj.data;
                    delete obj.publish;
                    delete obj.leave;
                    delete obj.joinAck;
                    delete obj.join;
                }
                if (obj.queueDeliver != null) {
                    delete obj.grants;
                    delete obj.mailboxSync;
                    delete obj.mailboxAck;
                    delete obj.mailboxDeliver;
                    delete obj.mailboxState;
                    delete obj.mailboxOpen;
                    delete obj.queueAck;
                    delete obj.queueJoin;
                    delete obj.reply;
                    delete obj.since;
                    delete obj.publishAck;
                    delete obj.stash;
                    delete obj.replay;
                    delete obj.nack;
                    delete obj.routeAck;
                    delete obj.rootInfo;
                    delete obj.redirect;
                    delete obj.replica;
                    delete obj.heartbeat;
                    delete obj.data;
                    delete obj.publish;
                    delete obj.leave;
                    delete obj.joinAck;
                    delete obj.join;
                }
                if (obj.queueJoin != null) {
                    delete obj.grants;
                    delete obj.mailboxSync;
                    delete obj.mailboxAck;
                    delete obj.mailboxDeliver;
                    delete obj.mailboxState;
                    delete obj.mailboxOpen;
                    delete obj.queueAck;
                    delete obj.queueDeliver;
                    delete obj.reply;
                    delete obj.since;
                    delete obj.publishAck;
                    delete obj.stash;
                    delete obj.replay;
                    delete obj.nack;
                    delete obj.routeAck;
                    delete obj.rootInfo;
                    delete obj.redirect;
                    delete obj.replica;
                    delete obj.heartbeat;
                    delete obj.data;
                    delete obj.publish;
                    delete obj.leave;
                    delete obj.joinAck;
                    delete obj.join;
                }
                if (obj.reply != null) {
                    delete obj.grants;
                    delete obj.mailboxSync;
                    delete obj.mailboxAck;
                    delete obj.mailboxDeliver;
                    delete obj.mailboxState;
                    delete obj.mailboxOpen;
                    delete obj.queueAck;
                    delete obj.queueDeliver;
                    delete obj.queueJoin;
                    delete obj.since;
                    delete obj.publishAck;
                    delete obj.stash;
                    delete obj.replay;
                    delete obj.nack;
                    delete obj.routeAck;
                    delete obj.rootInfo;
                    delete obj.redirect;
                    delete obj.replica;
                    delete obj.heartbeat;
                    delete obj.data;
                    delete obj.publish;
                    delete obj.leave;
                    delete obj.joinAck;
                    delete obj.join;
                }
                if (obj.since != null) {
                    delete obj.grants;
                    delete obj.mailboxSync;
                    delete obj.mailboxAck;
                    delete obj.mailboxDeliver;
                    delete obj.mailboxState;
                    delete obj.mailboxOpen;
                    delete obj.queueAck;
                    delete obj.queueDeliver;
                    delete obj.queueJoin;
                    delete obj.reply;
                    delete obj.publishAck;
                    delete obj.stash;
                    delete obj.replay;
                    delete obj.nack;
                    delete obj.routeAck;
                    delete obj.rootInfo;
                    delete obj.redirect;
                    delete obj.replica;
                    delete obj.heartbeat;
                    delete obj.data;
                    delete obj.publish;
                    delete obj.leave;
                    delete obj.joinAck;
                    delete obj.join;
                }
                if (obj.publishAck != null) {
                    delete obj.grants;
                    delete obj.mailboxSync;
                    delete obj.mailboxAck;
                    delete obj.mailboxDeliver;
                    delete obj.mailboxState;
                    delete obj.mailboxOpen;
                    delete obj.queueAck;
                    delete obj.queueDeliver;
                    delete obj.queueJoin;
                    delete obj.reply;
                    delete obj.since;
                    delete obj.stash;
                    delete obj.replay;
                    delete obj.nack;
                    delete obj.routeAck;
                    delete obj.rootInfo;
                    delete obj.redirect;
                    delete obj.replica;
                    delete obj.heartbeat;
                    delete obj.data;
                    delete obj.publish;
                    delete obj.leave;
                    delete obj.joinAck;
                    delete obj.join;
                }
                if (obj.stash != null) {
                    delete obj.grants;
                    delete obj.mailboxSync;
                    delete obj.mailboxAck;
                    delete obj.mailboxDeliver;
                    delete obj.mailboxState;
                    delete obj.mailboxOpen;
                    delete obj.queueAck;
                    delete obj.queueDeliver;
                    delete obj.queueJoin;
                    delete obj.reply;
                    delete obj.since;
                    delete obj.publishAck;
                    delete obj.replay;
                    delete obj.nack;
                    delete obj.routeAck;
                    delete obj.rootInfo;
                    delete obj.redirect;
                    delete obj.replica;
                    delete obj.heartbeat;
                    delete obj.data;
                    delete obj.publish;
                    delete obj.leave;
                    delete obj.joinAck;
                    delete obj.join;
                }
                if (obj.replay != null) {
                    delete obj.grants;
                    delete obj.mailboxSync;
                    delete obj.mailboxAck;
                    delete obj.mailboxDeliver;
                    delete obj.mailboxState;
                    delete obj.mailboxOpen;
                    delete obj.queueAck;
                    delete obj.queueDeliver;
                    delete obj.queueJoin;
                    delete obj.reply;
                    delete obj.since;
                    delete obj.publishAck;
                    delete obj.stash;
                    delete obj.nack;
                    delete obj.routeAck;
                    delete obj.rootInfo;
                    delete obj.redirect;
                    delete obj.replica;
                    delete obj.heartbeat;
                    delete obj.data;
                    delete obj.publish;
                    delete obj.leave;
                    delete obj.joinAck;
                    delete obj.join;
                }
                if (obj.nack != null) {
                    delete obj.grants;
                    delete obj.mailboxSync;
                    delete obj.mailboxAck;
                    delete obj.mailboxDeliver;
                    delete obj.mailboxState;
                    delete obj.mailboxOpen;
                    delete obj.queueAck;
                    delete obj.queueDeliver;
                    delete obj.queueJoin;
                    delete obj.reply;
                    delete obj.since;
                    delete obj.publishAck;
                    delete obj.stash;
                    delete obj.replay;
                    delete obj.routeAck;
                    delete obj.rootInfo;
                    delete obj.redirect;
                    delete obj.replica;
                    delete obj.heartbeat;
                    delete obj.data;
                    delete obj.publish;
                    delete obj.leave;
                    delete obj.joinAck;
                    delete obj.join;
                }
                if (obj.routeAck != null) {
                    delete obj.grants;
                    delete obj.mailboxSync;
                    delete obj.mailboxAck;
                    delete obj.mailboxDeliver;
                    delete obj.mailboxState;
                    delete obj.mailboxOpen;
                    delete obj.queueAck;
                    delete obj.queueDeliver;
                    delete obj.queueJoin;
                    delete obj.reply;
                    delete obj.since;
                    delete obj.publishAck;
                    delete obj.stash;
                    delete obj.replay;
                    delete obj.nack;
                    delete obj.rootInfo;
                    delete obj.redirect;
                    delete obj.replica;
                    delete obj.heartbeat;
                    delete obj.data;
                    delete obj.publish;
                    delete obj.leave;
                    delete obj.joinAck;
                    delete obj.join;
                }
                if (obj.rootInfo != null) {
                    delete obj.grants;
                    delete obj.mailboxSync;
                    delete obj.mailboxAck;
                    delete obj.mailboxDeliver;
                    delete obj.mailboxState;
                    delete obj.mailboxOpen;
                    delete obj.queueAck;
                    delete obj.queueDeliver;
                    delete obj.queueJoin;
                    delete obj.reply;
                    delete obj.since;
                    delete obj.publishAck;
                    delete obj.stash;
                    delete obj.replay;
                    delete obj.nack;
                    delete obj.routeAck;
                    delete obj.redirect;
                    delete obj.replica;
                    delete obj.heartbeat;
                    delete obj.data;
                    delete obj.publish;
                    delete obj.leave;
                    delete obj.joinAck;
                    delete obj.join;
                }
                if (obj.redirect != null) {
                    delete obj.grants;
                    delete obj.mailboxSync;
                    delete obj.mailboxAck;
                    delete obj.mailboxDeliver;
                    delete obj.mailboxState;
                    delete obj.mailboxOpen;
                    delete obj.queueAck;
                    delete obj.queueDeliver;
                    delete obj.queueJoin;
                    delete obj.reply;
                    delete obj.since;
                    delete obj.publishAck;
                    delete obj.stash;
                    delete obj.replay;
                    delete obj.nack;
                    delete obj.routeAck;
                    delete obj.rootInfo;
                    delete obj.replica;
                    delete obj.heartbeat;
                    delete obj.data;
                    delete obj.publish;
                    delete obj.leave;
                    delete obj.joinAck;
                    delete obj.join;
                }
                if (obj.replica != null) {
                    delete obj.grants;
                    delete obj.mailboxSync;
                    delete obj.mailboxAck;
                    delete obj.mailboxDeliver;
                    delete obj.mailboxState;
                    delete obj.mailboxOpen;
                    delete obj.queueAck;
                    delete obj.queueDeliver;
                    delete obj.queueJoin;
                    delete obj.reply;
                    delete obj.since;
                    delete obj.publishAck;
                    delete obj.stash;
                    delete obj.replay;
                    delete obj.nack;
                    delete obj.routeAck;
                    delete obj.rootInfo;
                    delete obj.redirect;
                    delete obj.heartbeat;
                    delete obj.data;
                    delete obj.publish;
                    delete obj.leave;
                    delete obj.joinAck;
                    delete obj.join;
                }
                if (obj.heartbeat != null) {
                    delete obj.grants;
                    delete obj.mailboxSync;
                    delete obj.mailboxAck;
                    delete obj.mailboxDeliver;
                    delete obj.mailboxState;
                    delete obj.mailboxOpen;
                    delete obj.queueAck;
                    delete obj.queueDeliver;
                    delete obj.queueJoin;
                    delete obj.reply;
                    delete obj.since;
                    delete obj.publishAck;
                    delete obj.stash;
                    delete obj.replay;
                    delete obj.nack;
                    delete obj.routeAck;
                    delete obj.rootInfo;
                    delete obj.redirect;
                    delete obj.replica;
                    delete obj.data;
                    delete obj.publish;
                    delete obj.leave;
                    delete obj.joinAck;
                    delete obj.join;
                }
                if (obj.data != null) {
                    delete obj.grants;
                    delete obj.mailboxSync;
                    delete obj.mailboxAck;
                    delete obj.mailboxDeliver;
                    delete obj.mailboxState;
                    delete obj.mailboxOpen;
                    delete obj.queueAck;
                    delete obj.queueDeliver;
                    delete obj.queueJoin;
                    delete obj.reply;
                    delete obj.since;
                    delete obj.publishAck;
                    delete obj.stash;
                    delete obj.replay;
                    delete obj.nack;
                    delete obj.routeAck;
                    delete obj.rootInfo;
                    delete obj.redirect;
                    delete obj.replica;
                    delete obj.heartbeat;
                    delete obj.publish;
                    delete obj.leave;
                    delete obj.joinAck;
                    delete obj.join;
                }
                if (obj.publish != null) {
                    delete obj.grants;
                    delete obj.mailboxSync;
                    delete obj.mailboxAck;
                    delete obj.mailboxDeliver;
                    delete obj.mailboxState;
                    delete obj.mailboxOpen;
                    delete obj.queueAck;
                    delete obj.queueDeliver;
                    delete obj.queueJoin;
                    delete obj.reply;
                    delete obj.since;
                    delete obj.publishAck;
                    delete obj.stash;
                    delete obj.replay;
                    delete obj.nack;
                    delete obj.routeAck;
                    delete obj.rootInfo;
                    delete obj.redirect;
                    delete obj.replica;
                    delete obj.heartbeat;
                    delete obj.data;
                    delete obj.leave;
                    delete obj.joinAck;
                    delete obj.join;
                }
                if (obj.leave != null) {
                    delete obj.grants;
                    delete obj.mailboxSync;
                    delete obj.mailboxAck;
                    delete obj.mailboxDeliver;
                    delete obj.mailboxState;
                    delete obj.mailboxOpen;
                    delete obj.queueAck;
                    delete obj.queueDeliver;
                    delete obj.queueJoin;
                    delete obj.reply;
                    delete obj.since;
                    delete obj.publishAck;
                    delete obj.stash;
                    delete obj.replay;
                    delete obj.nack;
                    delete obj.routeAck;
                    delete obj.rootInfo;
                    delete obj.redirect;
                    delete obj.replica;
                    delete obj.heartbeat;
                    delete obj.data;
                    delete obj.publish;
                    delete obj.joinAck;
                    delete obj.join;
                }
                if (obj.joinAck != null) {
                    delete obj.grants;
                    delete obj.mailboxSync;
                    delete obj.mailboxAck;
                    delete obj.mailboxDeliver;
                    delete obj.mailboxState;
                    delete obj.mailboxOpen;
                    delete obj.queueAck;
                    delete obj.queueDeliver;
                    delete obj.queueJoin;
                    delete obj.reply;
                    delete obj.since;
                    delete obj.publishAck;
                    delete obj.stash;
                    delete obj.replay;
                    delete obj.nack;
                    delete obj.routeAck;
                    delete obj.rootInfo;
                    delete obj.redirect;
                    delete obj.replica;
                    delete obj.heartbeat;
                    delete obj.data;
                    delete obj.publish;
                    delete obj.leave;
                    delete obj.join;
                }
                if (obj.join != null) {
                    delete obj.grants;
                    delete obj.mailboxSync;
                    delete obj.mailboxAck;
                    delete obj.mailboxDeliver;
                    delete obj.mailboxState;
                    delete obj.mailboxOpen;
                    delete obj.queueAck;
                    delete obj.queueDeliver;
                    delete obj.queueJoin;
                    delete obj.reply;
                    delete obj.since;
                    delete obj.publishAck;
                    delete obj.stash;
                    delete obj.replay;
                    delete obj.nack;
                    delete obj.routeAck;
                    delete obj.rootInfo;
                    delete obj.redirect;
                    delete obj.replica;
                    delete obj.heartbeat;
                    delete obj.data;
                    delete obj.publish;
                    delete obj.leave;
                    delete obj.joinAck;
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield* Join.codec().stream(reader, reader.uint32(), `${prefix}.join`, {
                                limits: opts.limits?.join
                            });
                            break;
                        }
                        case 2: {
                            yield* JoinAck.codec().stream(reader, reader.uint32(), `${prefix}.joinAck`, {
                                limits: opts.limits?.joinAck
                            });
                            break;
                        }
                        case 3: {
                            yield* Leave.codec().stream(reader, reader.uint32(), `${prefix}.leave`, {
                                limits: opts.limits?.leave
                            });
                            break;
                        }
                        case 4: {
                            yield* Publish.codec().stream(reader, reader.uint32(), `${prefix}.publish`, {
                                limits: opts.limits?.publish
                            });
                            break;
                        }
                        case 5: {
                            yield* AppMessage.codec().stream(reader, reader.uint32(), `${prefix}.data`, {
                                limits: opts.limits?.data
                            });
                            break;
                        }
                        case 6: {
                            yield* Heartbeat.codec().stream(reader, reader.uint32(), `${prefix}.heartbeat`, {
                                limits: opts.limits?.heartbeat
                            });
                            break;
                        }
                        case 7: {
                            yield* Replica.codec().stream(reader, reader.uint32(), `${prefix}.replica`, {
                                limits: opts.limits?.replica
                            });
                            break;
                        }
                        case 8: {
                            yield* Redirect.codec().stream(reader, reader.uint32(), `${prefix}.redirect`, {
                                limits: opts.limits?.redirect
                            });
                            break;
                        }
                        case 9: {
                            yield* RootInfo.codec().stream(reader, reader.uint32(), `${prefix}.rootInfo`, {
                                limits: opts.limits?.rootInfo
                            });
                            break;
                        }
                        case 10: {
                            yield* RouteAck.codec().stream(reader, reader.uint32(), `${prefix}.routeAck`, {
                                limits: opts.limits?.routeAck
                            });
                            break;
                        }
                        case 11: {
                            yield* Nack.codec().stream(reader, reader.uint32(), `${prefix}.nack`, {
                                limits: opts.limits?.nack
                            });
                            break;
                        }
                        case 12: {
                            yield* Replay.codec().stream(reader, reader.uint32(), `${prefix}.replay`, {
                                limits: opts.limits?.replay
                            });
                            break;
                        }
                        case 13: {
                            yield* Stash.codec().stream(reader, reader.uint32(), `${prefix}.stash`, {
                                limits: opts.limits?.stash
                            });
                            break;
                        }
                        case 14: {
                            yield* PublishAck.codec().stream(reader, reader.uint32(), `${prefix}.publishAck`, {
                                limits: opts.limits?.publishAck
                            });
                            break;
                        }
                        case 15: {
                            yield* Since.codec().stream(reader, reader.uint32(), `${prefix}.since`, {
                                limits: opts.limits?.since
                            });
                            break;
                        }
                        case 16: {
                            yield* Reply.codec().stream(reader, reader.uint32(), `${prefix}.reply`, {
                                limits: opts.limits?.reply
                            });
                            break;
                        }
                        case 17: {
                            yield* QueueJoin.codec().stream(reader, reader.uint32(), `${prefix}.queueJoin`, {
                                limits: opts.limits?.queueJoin
                            });
                            break;
                        }
                        case 18: {
                            yield* QueueDeliver.codec().stream(reader, reader.uint32(), `${prefix}.queueDeliver`, {
                                limits: opts.limits?.queueDeliver
                            });
                            break;
                        }
                        case 19: {
                            yield* QueueAck.codec().stream(reader, reader.uint32(), `${prefix}.queueAck`, {
                                limits: opts.limits?.queueAck
                            });
                            break;
                        }
                        case 20: {
                            yield* MailboxOpen.codec().stream(reader, reader.uint32(), `${prefix}.mailboxOpen`, {
                                limits: opts.limits?.mailboxOpen
                            });
                            break;
                        }
                        case 21: {
                            yield* MailboxState.codec().stream(reader, reader.uint32(), `${prefix}.mailboxState`, {
                                limits: opts.limits?.mailboxState
                            });
                            break;
                        }
                        case 22: {
                            yield* MailboxDeliver.codec().stream(reader, reader.uint32(), `${prefix}.mailboxDeliver`, {
                                limits: opts.limits?.mailboxDeliver
                            });
                            break;
                        }
                        case 23: {
                            yield* MailboxAck.codec().stream(reader, reader.uint32(), `${prefix}.mailboxAck`, {
                                limits: opts.limits?.mailboxAck
                            });
                            break;
                        }
                        case 24: {
                            yield* MailboxSync.codec().stream(reader, reader.uint32(), `${prefix}.mailboxSync`, {
                                limits: opts.limits?.mailboxSync
                            });
                            break;
                        }
                        case 25: {
                            yield* Grants.codec().stream(reader, reader.uint32(), `${prefix}.grants`, {
                                limits: opts.limits?.grants
                            });
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, Envelope.codec());
    }
    Envelope.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, Envelope.codec(), opts);
    }
    Envelope.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, Envelope.codec(), opts);
    }
    Envelope.stream = stream;
})(Envelope || (Envelope = {}));
export var Grant;
(function (Grant) {
    let _codec;
    Grant.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.peer != null && obj.peer !== '')) {
                    w.uint32(10);
                    w.string(obj.peer);
                }
                if (obj.pub != null && obj.pub.length > 0) {
                    for (const value of obj.pub) {
                        w.uint32(18);
                        w.string(value);
                    }
                }
                if (obj.sub != null && obj.sub.length > 0) {
                    for (const value of obj.sub) {
                        w.uint32(26);
                        w.string(value);
                    }
                }
                if ((obj.expires != null && obj.expires !== 0)) {
                    w.uint32(32);
                    w.uint64Number(obj.expires);
                }
                if ((obj.issued != null && obj.issued !== 0)) {
                    w.uint32(40);
                    w.uint64Number(obj.issued);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    peer: '',
                    pub: [],
                    sub: [],
                    expires: 0,
                    issued: 0
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.peer = reader.string();
                            break;
                        }
                        case 2: {
                            if (opts.limits?.pub != null && obj.pub.length === opts.limits.pub) {
                                throw new MaxLengthError('Decode error - repeated field "pub" had too many elements');
                            }
                            if (obj.pub.length === 32) {
                                throw new MaxLengthError('Decode error - repeated field "pub" had too many elements');
                            }
                            obj.pub.push(reader.string());
                            break;
                        }
                        case 3: {
                            if (opts.limits?.sub != null && obj.sub.length === opts.limits.sub) {
                                throw new MaxLengthError('Decode error - repeated field "sub" had too many elements');
                            }
                            if (obj.sub.length === 32) {
                                throw new MaxLengthError('Decode error - repeated field "sub" had too many elements');
                            }
                            obj.sub.push(reader.string());
                            break;
                        }
                        case 4: {
                            obj.expires = reader.uint64Number();
                            break;
                        }
                        case 5: {
                            obj.issued = reader.uint64Number();
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const obj = {
                    pub: 32,
                    sub: 32
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.peer`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 2: {
                            if (opts.limits?.pub != null && obj.pub === opts.limits.pub) {
                                throw new MaxLengthError('Streaming decode error - repeated field "pub" had too many elements');
                            }
                            if (obj.pub === 32) {
                                throw new MaxLengthError('Streaming decode error - repeated field "pub" had too many elements');
                            }
                            yield {
                                field: `${prefix}.pub[]`,
                                index: obj.pub,
                                value: reader.string()
                            };
                            obj.pub++;
                            break;
                        }
                        case 3: {
                            if (opts.limits?.sub != null && obj.sub === opts.limits.sub) {
                                throw new MaxLengthError('Streaming decode error - repeated field "sub" had too many elements');
                            }
                            if (obj.sub === 32) {
                                throw new MaxLengthError('Streaming decode error - repeated field "sub" had too many elements');
                            }
                            yield {
                                field: `${prefix}.sub[]`,
                                index: obj.sub,
                                value: reader.string()
                            };
                            obj.sub++;
                            break;
                        }
                        case 4: {
                            yield {
                                field: `${prefix}.expires`,
                                value: reader.uint64Number()
                            };
                            break;
                        }
                        case 5: {
                            yield {
                                field: `${prefix}.issued`,
                                value: reader.uint64Number()
                            };
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, Grant.codec());
    }
    Grant.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, Grant.codec(), opts);
    }
    Grant.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, Grant.codec(), opts);
    }
    Grant.stream = stream;
})(Grant || (Grant = {}));
export var SignedGrant;
(function (SignedGrant) {
    let _codec;
    SignedGrant.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.grant != null && obj.grant.byteLength > 0)) {
                    w.uint32(10);
                    w.bytes(obj.grant);
                }
                if ((obj.signature != null && obj.signature.byteLength > 0)) {
                    w.uint32(18);
                    w.bytes(obj.signature);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    grant: EMPTY_BYTES,
                    signature: EMPTY_BYTES
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.grant = reader.bytes();
                            break;
                        }
                        case 2: {
                            obj.signature = reader.bytes();
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.grant`,
                                value: reader.bytes()
                            };
                            break;
                        }
                        case 2: {
                            yield {
                                field: `${prefix}.signature`,
                                value: reader.bytes()
                            };
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, SignedGrant.codec());
    }
    SignedGrant.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, SignedGrant.codec(), opts);
    }
    SignedGrant.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, SignedGrant.codec(), opts);
    }
    SignedGrant.stream = stream;
})(SignedGrant || (SignedGrant = {}));
export var Revocation;
(function (Revocation) {
    let _codec;
    Revocation.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.peer != null && obj.peer !== '')) {
                    w.uint32(10);
                    w.string(obj.peer);
                }
                if ((obj.before != null && obj.before !== 0)) {
                    w.uint32(16);
                    w.uint64Number(obj.before);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    peer: '',
                    before: 0
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.peer = reader.string();
                            break;
                        }
                        case 2: {
                            obj.before = reader.uint64Number();
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.peer`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 2: {
                            yield {
                                field: `${prefix}.before`,
                                value: reader.uint64Number()
                            };
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, Revocation.codec());
    }
    Revocation.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, Revocation.codec(), opts);
    }
    Revocation.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, Revocation.codec(), opts);
    }
    Revocation.stream = stream;
})(Revocation || (Revocation = {}));
export var SignedRevocation;
(function (SignedRevocation) {
    let _codec;
    SignedRevocation.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.revocation != null && obj.revocation.byteLength > 0)) {
                    w.uint32(10);
                    w.bytes(obj.revocation);
                }
                if ((obj.signature != null && obj.signature.byteLength > 0)) {
                    w.uint32(18);
                    w.bytes(obj.signature);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    revocation: EMPTY_BYTES,
                    signature: EMPTY_BYTES
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.revocation = reader.bytes();
                            break;
                        }
                        case 2: {
                            obj.signature = reader.bytes();
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            yield {
                                field: `${prefix}.revocation`,
                                value: reader.bytes()
                            };
                            break;
                        }
                        case 2: {
                            yield {
                                field: `${prefix}.signature`,
                                value: reader.bytes()
                            };
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, SignedRevocation.codec());
    }
    SignedRevocation.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, SignedRevocation.codec(), opts);
    }
    SignedRevocation.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, SignedRevocation.codec(), opts);
    }
    SignedRevocation.stream = stream;
})(SignedRevocation || (SignedRevocation = {}));
export var Grants;
(function (Grants) {
    let _codec;
    Grants.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if (obj.grants != null && obj.grants.length > 0) {
                    for (const value of obj.grants) {
                        w.uint32(10);
                        SignedGrant.codec().encode(value, w);
                    }
                }
                if (obj.want != null && obj.want.length > 0) {
                    for (const value of obj.want) {
                        w.uint32(18);
                        w.string(value);
                    }
                }
                if (obj.revocations != null && obj.revocations.length > 0) {
                    for (const value of obj.revocations) {
                        w.uint32(26);
                        SignedRevocation.codec().encode(value, w);
                    }
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    grants: [],
                    want: [],
                    revocations: []
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            if (opts.limits?.grants != null && obj.grants.length === opts.limits.grants) {
                                throw new MaxLengthError('Decode error - repeated field "grants" had too many elements');
                            }
                            if (obj.grants.length === 64) {
                                throw new MaxLengthError('Decode error - repeated field "grants" had too many elements');
                            }
                            obj.grants.push(SignedGrant.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.grants$
                            }));
                            break;
                        }
                        case 2: {
                            if (opts.limits?.want != null && obj.want.length === opts.limits.want) {
                                throw new MaxLengthError('Decode error - repeated field "want" had too many elements');
                            }
                            if (obj.want.length === 64) {
                                throw new MaxLengthError('Decode error - repeated field "want" had too many elements');
                            }
                            obj.want.push(reader.string());
                            break;
                        }
                        case 3: {
                            if (opts.limits?.revocations != null && obj.revocations.length === opts.limits.revocations) {
                                throw new MaxLengthError('Decode error - repeated field "revocations" had too many elements');
                            }
                            if (obj.revocations.length === 1024) {
                                throw new MaxLengthError('Decode error - repeated field "revocations" had too many elements');
                            }
                            obj.revocations.push(SignedRevocation.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.revocations$
                            }));
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const obj = {
                    grants: 64,
                    want: 64,
                    revocations: 1024
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            if (opts.limits?.grants != null && obj.grants === opts.limits.grants) {
                                throw new MaxLengthError('Streaming decode error - repeated field "grants" had too many elements');
                            }
                            if (obj.grants === 64) {
                                throw new MaxLengthError('Streaming decode error - repeated field "grants" had too many elements');
                            }
                            for (const evt of SignedGrant.codec().stream(reader, reader.uint32(), `${prefix}.grants[]`, {
                                limits: opts.limits?.grants$
                            })) {
                                yield {
                                    ...evt,
                                    index: obj.grants
                                };
                            }
                            obj.grants++;
                            break;
                        }
                        case 2: {
                            if (opts.limits?.want != null && obj.want === opts.limits.want) {
                                throw new MaxLengthError('Streaming decode error - repeated field "want" had too many elements');
                            }
                            if (obj.want === 64) {
                                throw new MaxLengthError('Streaming decode error - repeated field "want" had too many elements');
                            }
                            yield {
                                field: `${prefix}.want[]`,
                                index: obj.want,
                                value: reader.string()
                            };
                            obj.want++;
                            break;
                        }
                        case 3: {
                            if (opts.limits?.revocations != null && obj.revocations === opts.limits.revocations) {
                                throw new MaxLengthError('Streaming decode error - repeated field "revocations" had too many elements');
                            }
                            if (obj.revocations === 1024) {
                                throw new MaxLengthError('Streaming decode error - repeated field "revocations" had too many elements');
                            }
                            for (const evt of SignedRevocation.codec().stream(reader, reader.uint32(), `${prefix}.revocations[]`, {
                                limits: opts.limits?.revocations$
                            })) {
                                yield {
                                    ...evt,
                                    index: obj.revocations
                                };
                            }
                            obj.revocations++;
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, Grants.codec());
    }
    Grants.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, Grants.codec(), opts);
    }
    Grants.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, Grants.codec(), opts);
    }
    Grants.stream = stream;
})(Grants || (Grants = {}));
export var Frame;
(function (Frame) {
    let _codec;
    Frame.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if (obj.messages != null && obj.messages.length > 0) {
                    for (const value of obj.messages) {
                        w.uint32(10);
                        Envelope.codec().encode(value, w);
                    }
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    messages: []
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            if (opts.limits?.messages != null && obj.messages.length === opts.limits.messages) {
                                throw new MaxLengthError('Decode error - repeated field "messages" had too many elements');
                            }
                            if (obj.messages.length === 4096) {
                                throw new MaxLengthError('Decode error - repeated field "messages" had too many elements');
                            }
                            obj.messages.push(Envelope.codec().decode(reader, reader.uint32(), {
                                limits: opts.limits?.messages$
                            }));
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
                return obj;
            }, function* (reader, length, prefix, opts = {}) {
                const obj = {
                    messages: 4096
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            if (opts.limits?.messages != null && obj.messages === opts.limits.messages) {
                                throw new MaxLengthError('Streaming decode error - repeated field "messages" had too many elements');
                            }
                            if (obj.messages === 4096) {
                                throw new MaxLengthError('Streaming decode error - repeated field "messages" had too many elements');
                            }
                            for (const evt of Envelope.codec().stream(reader, reader.uint32(), `${prefix}.messages[]`, {
                                limits: opts.limits?.messages$
                            })) {
                                yield {
                                    ...evt,
                                    index: obj.messages
                                };
                            }
                            obj.messages++;
                            break;
                        }
                        default: {
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                }
            });
        }
        return _codec;
    };
    function encode(obj) {
        return encodeMessage(obj, Frame.codec());
    }
    Frame.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, Frame.codec(), opts);
    }
    Frame.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, Frame.codec(), opts);
    }
    Frame.stream = stream;
})(Frame || (Frame = {}));
const EMPTY_BYTES = uint8ArrayAlloc(0);
