import { decodeMessage, encodeMessage, message, streamMessage } from 'protons-runtime';
export var LanOffer;
(function (LanOffer) {
    let _codec;
    LanOffer.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.curveKey != null && obj.curveKey !== '')) {
                    w.uint32(10);
                    w.string(obj.curveKey);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    curveKey: ''
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.curveKey = reader.string();
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
                                field: `${prefix}.curveKey`,
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
        return encodeMessage(obj, LanOffer.codec());
    }
    LanOffer.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, LanOffer.codec(), opts);
    }
    LanOffer.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, LanOffer.codec(), opts);
    }
    LanOffer.stream = stream;
})(LanOffer || (LanOffer = {}));
export var LanAccept;
(function (LanAccept) {
    let _codec;
    LanAccept.codec = () => {
        if (_codec == null) {
            _codec = message((obj, w, opts = {}) => {
                if (opts.lengthDelimited !== false) {
                    w.fork();
                }
                if ((obj.endpoint != null && obj.endpoint !== '')) {
                    w.uint32(10);
                    w.string(obj.endpoint);
                }
                if ((obj.curveKey != null && obj.curveKey !== '')) {
                    w.uint32(18);
                    w.string(obj.curveKey);
                }
                if ((obj.refused != null && obj.refused !== '')) {
                    w.uint32(26);
                    w.string(obj.refused);
                }
                if (opts.lengthDelimited !== false) {
                    w.ldelim();
                }
            }, (reader, length, opts = {}) => {
                const obj = {
                    endpoint: '',
                    curveKey: '',
                    refused: ''
                };
                const end = length == null ? reader.len : reader.pos + length;
                while (reader.pos < end) {
                    const tag = reader.uint32();
                    switch (tag >>> 3) {
                        case 1: {
                            obj.endpoint = reader.string();
                            break;
                        }
                        case 2: {
                            obj.curveKey = reader.string();
                            break;
                        }
                        case 3: {
                            obj.refused = reader.string();
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
                                field: `${prefix}.endpoint`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 2: {
                            yield {
                                field: `${prefix}.curveKey`,
                                value: reader.string()
                            };
                            break;
                        }
                        case 3: {
                            yield {
                                field: `${prefix}.refused`,
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
        return encodeMessage(obj, LanAccept.codec());
    }
    LanAccept.encode = encode;
    function decode(buf, opts) {
        return decodeMessage(buf, LanAccept.codec(), opts);
    }
    LanAccept.decode = decode;
    function stream(buf, opts) {
        return streamMessage(buf, LanAccept.codec(), opts);
    }
    LanAccept.stream = stream;
})(LanAccept || (LanAccept = {}));
