namespace Sn19.Actors.Chain.Subtensor;

/// <summary>Maps the runtime's error names (<c>SubtensorModule.SettingWeightsTooFast</c>) onto Sn19's chain error codes.</summary>
public static class SubtensorErrors
{
    /// <summary>Sn19's code for a runtime error name, where one matches; the name itself stays in the message.</summary>
    public static ChainErrorCode Code(string error) => error[(error.LastIndexOf('.') + 1)..] switch
    {
        "HotKeyNotRegisteredInSubNet" or "HotKeyNotRegisteredInNetwork" or "HotKeyAccountNotExists" => ChainErrorCode.NotRegistered,
        "SettingWeightsTooFast" or "ServingRateLimitExceeded" or "TxRateLimitExceeded" => ChainErrorCode.RateLimited,
        "IncorrectWeightVersionKey" => ChainErrorCode.VersionKeyTooLow,
        "NeuronNoValidatorPermit" => ChainErrorCode.NoValidatorPermit,
        "WeightVecNotEqualSize" => ChainErrorCode.LengthMismatch,
        "DuplicateUids" => ChainErrorCode.DuplicateUid,
        "UidVecContainInvalidOne" or "InvalidUid" => ChainErrorCode.UnknownUid,
        "WeightVecLengthIsLow" => ChainErrorCode.TooFewWeights,
        "TooManyUids" or "UidsLengthExceedUidsInSubNet" => ChainErrorCode.TooManyWeights,
        "MaxWeightExceeded" => ChainErrorCode.MaxWeightExceeded,
        "NotEnoughStakeToSetWeights" => ChainErrorCode.StakeBelowThreshold,
        "InvalidIpAddress" or "InvalidPort" or "InvalidIpType" => ChainErrorCode.InvalidAxon,
        _ => ChainErrorCode.Rejected,
    };
}
